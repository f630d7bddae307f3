package profile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/adrg/xdg"
	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/spf13/pflag"
)

// isolate points the XDG folders and HOME at a temporary folder.
func isolate(t *testing.T) string {
	t.Helper()
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, "config"))
	t.Setenv("XDG_DATA_HOME", filepath.Join(home, "data"))
	for _, key := range settingKeys {
		t.Setenv(EnvVar(key), "")
	}
	// The default region comes from the locale: none, unless a test says.
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG", HuhAccessible} {
		t.Setenv(name, "")
	}
	xdg.Reload()
	t.Cleanup(xdg.Reload)
	return home
}

func flagSet(t *testing.T, args ...string) *pflag.FlagSet {
	t.Helper()
	fs := pflag.NewFlagSet("aftercare", pflag.ContinueOnError)
	fs.String("catalog-dir", "", "")
	fs.String("data-dir", "", "")
	fs.String("region", "", "")
	fs.Bool("accessible", false, "")
	if err := fs.Parse(args); err != nil {
		t.Fatal(err)
	}
	return fs
}

func writeConfig(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestSettingsComeFromFileThenEnvironmentThenFlags(t *testing.T) {
	tests := []struct {
		name  string
		file  string
		env   map[string]string
		flags []string
		key   string
		want  any
		from  string // "default", "file", or the variable or flag
	}{
		{"default theme", "", nil, nil, "theme", "auto", "default"},
		{"default history", "", nil, nil, "keep_history", true, "default"},
		{"default minutes", "", nil, nil, "default_minutes", 30, "default"},
		{"default data folder", "", nil, nil, "data_dir", "{home}/data/aftercare", "default"},
		{"default catalogue folder", "", nil, nil, "catalog_dir", "{home}/config/aftercare/catalog", "default"},
		{"file", "theme: dark\n", nil, nil, "theme", "dark", "file"},
		{"file number", "default_minutes: 15\n", nil, nil, "default_minutes", 15, "file"},
		{"environment over file", "theme: dark\n", map[string]string{"AFTERCARE_THEME": "light"}, nil, "theme", "light", "AFTERCARE_THEME"},
		{"environment words for yes and no", "", map[string]string{"AFTERCARE_KEEP_HISTORY": "no"}, nil, "keep_history", false, "AFTERCARE_KEEP_HISTORY"},
		{"environment number", "", map[string]string{"AFTERCARE_DEFAULT_MINUTES": "45"}, nil, "default_minutes", 45, "AFTERCARE_DEFAULT_MINUTES"},
		{"flag over environment and file", "catalog_dir: /from/file\n", map[string]string{"AFTERCARE_CATALOG_DIR": "/from/env"}, []string{"--catalog-dir", "/from/flag"}, "catalog_dir", "/from/flag", "--catalog-dir"},
		{"environment over file for folders", "data_dir: /from/file\n", map[string]string{"AFTERCARE_DATA_DIR": "/from/env"}, nil, "data_dir", "/from/env", "AFTERCARE_DATA_DIR"},
		{"an empty variable counts as unset", "theme: dark\n", map[string]string{"AFTERCARE_THEME": ""}, nil, "theme", "dark", "file"},
		{"home is expanded", "data_dir: ~/notes\n", nil, nil, "data_dir", "{home}/notes", "file"},
		{"region from a British locale", "", map[string]string{"LANG": "en_GB.UTF-8"}, nil, "region", "GB", "default"},
		{"region from the C locale", "", map[string]string{"LANG": "C"}, nil, "region", "anywhere", "default"},
		{"region from no locale", "", nil, nil, "region", "anywhere", "default"},
		{"region in the file, in any case", "region: gb\n", map[string]string{"LANG": "en_US.UTF-8"}, nil, "region", "GB", "file"},
		{"anywhere in the file", "region: Anywhere\n", map[string]string{"LANG": "en_GB.UTF-8"}, nil, "region", "anywhere", "file"},
		{"region from the environment over file", "region: GB\n", map[string]string{"AFTERCARE_REGION": "ie"}, nil, "region", "IE", "AFTERCARE_REGION"},
		{"region from a flag over all", "region: GB\n", map[string]string{"AFTERCARE_REGION": "IE"}, []string{"--region", "au"}, "region", "AU", "--region"},
		{"ACCESSIBLE as huh reads it", "", map[string]string{"ACCESSIBLE": "yes"}, nil, "accessible", true, "ACCESSIBLE"},
		{"ACCESSIBLE over the file", "accessible: true\n", map[string]string{"ACCESSIBLE": "0"}, nil, "accessible", false, "ACCESSIBLE"},
		{"AFTERCARE_ACCESSIBLE over ACCESSIBLE", "", map[string]string{"ACCESSIBLE": "1", "AFTERCARE_ACCESSIBLE": "false"}, nil, "accessible", false, "AFTERCARE_ACCESSIBLE"},
		{"--accessible over ACCESSIBLE", "", map[string]string{"ACCESSIBLE": "1"}, []string{"--accessible=false"}, "accessible", false, "--accessible"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			home := isolate(t)
			path := filepath.Join(t.TempDir(), "absent.yaml")
			if tt.file != "" {
				path = writeConfig(t, tt.file)
			}
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			cfg, err := LoadConfig(path, flagSet(t, tt.flags...))
			if err != nil {
				t.Fatal(err)
			}
			want := tt.want
			if s, ok := want.(string); ok {
				want = strings.ReplaceAll(s, "{home}", home)
			}
			from := tt.from
			if from == "file" {
				from = path
			}
			for _, s := range cfg.Each {
				if s.Key == tt.key {
					if s.Value != want || s.Source != from {
						t.Errorf("%s = %v from %s, want %v from %s", tt.key, s.Value, s.Source, want, from)
					}
					return
				}
			}
			t.Errorf("no setting %s in %+v", tt.key, cfg.Each)
		})
	}
}

func TestSettingsFieldsMatchTheListing(t *testing.T) {
	isolate(t)
	cfg, err := LoadConfig(writeConfig(t, "theme: dark\nregion: nz\nkeep_history: false\ndefault_minutes: 10\n"), flagSet(t, "--data-dir", "/d"))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Theme != "dark" || cfg.Region != "NZ" || cfg.KeepHistory || cfg.DefaultMinutes != 10 || cfg.DataDir != "/d" {
		t.Errorf("settings = %+v", cfg.Settings)
	}
}

func TestBadSettingsInTheFileNameTheLine(t *testing.T) {
	tests := []struct {
		name, file, want string
	}{
		{"unknown theme", "keep_history: true\ntheme: purple\n", `:2:8: theme: "purple" is not one of: auto, light, dark`},
		{"mistyped theme", "theme: drak\n", `:1:8: theme: "drak" is not one of: auto, light, dark (did you mean "dark"?)`},
		{"not a number", "default_minutes: ten\n", `:1:18: default_minutes: expected a whole number, got "ten"`},
		{"out of range", "default_minutes: 500\n", `:1:18: default_minutes: 500 is out of range`},
		{"not true or false", "keep_history: sometimes\n", `:1:15: keep_history: expected true or false, got "sometimes"`},
		{"not a region", "theme: dark\nregion: xyz\n", `:2:9: region: "xyz" is not a region: use a two-letter country code`},
		{"an empty region", "region:\n", `:1:8: region: "" is not a region`},
		{"unknown key", "thme: dark\n", `:1:1: unknown field "thme" (did you mean "theme"?)`},
		{"syntax", "theme: [dark\n", `:1:1: YAML syntax`},
		{"a relative data folder", "theme: dark\ndata_dir: relative/path\n", `:2:11: data_dir: "relative/path" is not a full path: give one that starts with / or ~/`},
		{"an empty catalogue folder", "catalog_dir: \"\"\n", `:1:14: catalog_dir: the folder must not be empty`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			isolate(t)
			path := writeConfig(t, tt.file)
			_, err := LoadConfig(path, flagSet(t))
			var errs catalog.Errors
			if !errors.As(err, &errs) || !strings.Contains(err.Error(), path+tt.want) {
				t.Errorf("error:\n%v\nwant it to contain %s%s", err, path, tt.want)
			}
		})
	}
}

func TestBadSettingsFromTheEnvironmentNameTheVariable(t *testing.T) {
	tests := []struct {
		env, value, want string
	}{
		{"AFTERCARE_THEME", "purple", `AFTERCARE_THEME: "purple" is not a theme`},
		{"AFTERCARE_DEFAULT_MINUTES", "soon", `AFTERCARE_DEFAULT_MINUTES: "soon" is not a whole number`},
		{"AFTERCARE_DEFAULT_MINUTES", "-5", `AFTERCARE_DEFAULT_MINUTES: -5 is out of range`},
		{"AFTERCARE_KEEP_HISTORY", "maybe", `AFTERCARE_KEEP_HISTORY: "maybe" is not true or false`},
		{"AFTERCARE_REGION", "Britain", `AFTERCARE_REGION: "Britain" is not a region`},
		{"AFTERCARE_DATA_DIR", "rel", `AFTERCARE_DATA_DIR: "rel" is not a full path`},
	}
	for _, tt := range tests {
		t.Run(tt.env+"="+tt.value, func(t *testing.T) {
			isolate(t)
			t.Setenv(tt.env, tt.value)
			_, err := LoadConfig(filepath.Join(t.TempDir(), "absent.yaml"), flagSet(t))
			var setting *SettingError
			if !errors.As(err, &setting) || setting.FromFlag() || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want a setting error containing %s", err, tt.want)
			}
		})
	}
}

func TestABadFlagIsAUsageMistake(t *testing.T) {
	tests := []struct {
		flags []string
		want  string
	}{
		{[]string{"--data-dir", ""}, "--data-dir: the folder must not be empty"},
		{[]string{"--data-dir", "rel"}, `--data-dir: "rel" is not a full path`},
		{[]string{"--catalog-dir", "cat"}, `--catalog-dir: "cat" is not a full path`},
		{[]string{"--region", "xyz"}, `--region: "xyz" is not a region`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.flags, " "), func(t *testing.T) {
			isolate(t)
			_, err := LoadConfig(filepath.Join(t.TempDir(), "absent.yaml"), flagSet(t, tt.flags...))
			var setting *SettingError
			if !errors.As(err, &setting) || !setting.FromFlag() || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want a usage mistake containing %s", err, tt.want)
			}
		})
	}
}

func TestACatalogueFolderNamedButNotThereIsSaidWhereItWasNamed(t *testing.T) {
	tests := []struct {
		name      string
		file, env string
		flags     []string
		want      string // "" when the folder may be missing
	}{
		{name: "the default", want: ""},
		{name: "the settings file", file: "theme: dark\ncatalog_dir: /no/such/catalogue\n", want: ":2:14: catalog_dir: there is no folder /no/such/catalogue"},
		{name: "the environment", env: "/no/such/catalogue", want: "AFTERCARE_CATALOG_DIR: there is no folder /no/such/catalogue"},
		{name: "a flag", flags: []string{"--catalog-dir", "/no/such/catalogue"}, want: "--catalog-dir: there is no folder /no/such/catalogue"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			isolate(t)
			t.Setenv(EnvVar("catalog_dir"), tt.env)
			path := writeConfig(t, tt.file)
			cfg, err := LoadConfig(path, flagSet(t, tt.flags...))
			if err != nil {
				t.Fatal(err)
			}
			err = cfg.CheckCatalogDir()
			var setting *SettingError
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("the default folder, not made yet, is refused: %v", err)
			case tt.want != "" && (!errors.As(err, &setting) || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("error %v, want one with %q", err, tt.want)
			case tt.file != "" && !strings.HasPrefix(err.Error(), path+":"):
				t.Errorf("error %v does not start with the settings file", err)
			}
		})
	}
}

// A setting of a hundred kilobytes is quoted in its message only as far
// as it takes to recognise it.
func TestAHugeSettingIsQuotedShort(t *testing.T) {
	huge := strings.Repeat("x", 100_000)
	for _, env := range []string{"AFTERCARE_THEME", "AFTERCARE_DEFAULT_MINUTES", "AFTERCARE_KEEP_HISTORY", "AFTERCARE_DATA_DIR"} {
		t.Run(env, func(t *testing.T) {
			isolate(t)
			t.Setenv(env, huge)
			_, err := LoadConfig(filepath.Join(t.TempDir(), "absent.yaml"), flagSet(t))
			if err == nil {
				t.Fatal("no error")
			}
			if msg := err.Error(); len(msg) > 300 || !strings.Contains(msg, strings.Repeat("x", 60)+"…") {
				t.Errorf("%d bytes: %.200s", len(msg), msg)
			}
		})
	}
}

func TestUnknownEnvNamesOnlyWhatAftercareDoesNotRead(t *testing.T) {
	for _, tt := range []struct {
		name string
		env  []string
		want []string
	}{
		{"nothing of ours", []string{"HOME=/h", "ACCESSIBLE=1", "LANG=en_GB.UTF-8"}, nil},
		{"every one it reads", []string{"AFTERCARE_DATA_DIR=/d", "AFTERCARE_CATALOG_DIR=/c", "AFTERCARE_THEME=dark", "AFTERCARE_REGION=GB",
			"AFTERCARE_KEEP_HISTORY=true", "AFTERCARE_DEFAULT_MINUTES=5", "AFTERCARE_ACCESSIBLE=1", "AFTERCARE_IDENTITY=/k"}, nil},
		{"a typo, with what it was meant to be", []string{"AFTERCARE_DATADIR=/d"},
			[]string{`"AFTERCARE_DATADIR" is not a variable aftercare reads (did you mean "AFTERCARE_DATA_DIR"?)`}},
		{"the key file, mistyped", []string{"AFTERCARE_IDENTIY=/k"},
			[]string{`"AFTERCARE_IDENTIY" is not a variable aftercare reads (did you mean "AFTERCARE_IDENTITY"?)`}},
		// The shared prefix is no likeness: FOO is nothing like REGION.
		{"nothing near", []string{"AFTERCARE_FOO=1", "AFTERCARE_=1"},
			[]string{`"AFTERCARE_FOO" is not a variable aftercare reads`, `"AFTERCARE_" is not a variable aftercare reads`}},
		{"a lower-case name is another name", []string{"aftercare_theme=dark"}, nil},
		{"escapes in a name are shown quoted", []string{"AFTERCARE_\x1b[2J=1"},
			[]string{`"AFTERCARE_\x1b[2J" is not a variable aftercare reads`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := UnknownEnv(tt.env)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
