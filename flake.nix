{
  description = "Calm check-in for after sex, and ideas for what to do next";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";

  outputs =
    { self, nixpkgs }:
    let
      systems = [
        "x86_64-linux"
        "aarch64-linux"
        "x86_64-darwin"
        "aarch64-darwin"
      ];
      forAllSystems = f: nixpkgs.lib.genAttrs systems (system: f nixpkgs.legacyPackages.${system});
      # "20261130123456" as "2026-11-30": the day of the last commit.
      day =
        d: "${builtins.substring 0 4 d}-${builtins.substring 4 2 d}-${builtins.substring 6 2 d}";
      commit = self.rev or self.dirtyRev or null;
    in
    {
      packages = forAllSystems (
        pkgs:
        let
          inherit (pkgs) lib stdenv;
        in
        {
          default = pkgs.buildGo126Module {
            pname = "aftercare";
            version = "0-unstable-${day self.lastModifiedDate}";
            src = self;

            # The hash of the Go modules go.mod and go.sum name (the vendor
            # folder "go mod vendor" makes). When they change, go test
            # ./cmd/aftercare fails and says the new one.
            vendorHash = "sha256-7jR8N3mFRbKcm96/GNLFLrpXJfplegipP8z8lcQ8BZA=";

            subPackages = [ "cmd/aftercare" ];
            env.CGO_ENABLED = 0;
            ldflags = [
              "-s"
              "-w"
              "-X main.date=${day self.lastModifiedDate}"
            ]
            ++ lib.optional (commit != null) "-X main.commit=${commit}";

            # The tests run in CI (.ci/run), not in the build.
            doCheck = false;

            nativeBuildInputs = [ pkgs.installShellFiles ];
            postInstall = lib.optionalString (stdenv.buildPlatform.canExecute stdenv.hostPlatform) ''
              $out/bin/aftercare man > aftercare.1
              installManPage aftercare.1
              installShellCompletion --cmd aftercare \
                --bash <($out/bin/aftercare completion bash) \
                --zsh <($out/bin/aftercare completion zsh) \
                --fish <($out/bin/aftercare completion fish)
            '';

            meta = {
              description = "Calm check-in for after sex, and ideas for what to do next";
              homepage = "https://github.com/aftercare-tui/aftercare";
              license = lib.licenses.mit;
              mainProgram = "aftercare";
            };
          };
        }
      );
    };
}
