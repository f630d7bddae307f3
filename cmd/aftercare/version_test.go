package main

import (
	"runtime/debug"
	"testing"
)

func TestFormatVersion(t *testing.T) {
	checkout := &debug.BuildInfo{
		Main: debug.Module{Path: "github.com/aftercare-tui/aftercare", Version: "v0.1.1-0.20261201093000-0123456789ab+dirty"},
		Settings: []debug.BuildSetting{
			{Key: "vcs", Value: "git"},
			{Key: "vcs.revision", Value: "0123456789abcdef0123456789abcdef01234567"},
			{Key: "vcs.time", Value: "2026-12-01T09:30:00Z"},
			{Key: "vcs.modified", Value: "true"},
		},
	}
	installed := &debug.BuildInfo{Main: debug.Module{Path: "github.com/aftercare-tui/aftercare", Version: "v0.1.0"}}
	devel := &debug.BuildInfo{Main: debug.Module{Path: "github.com/aftercare-tui/aftercare", Version: "(devel)"}}
	tests := []struct {
		name                  string
		version, commit, date string
		info                  *debug.BuildInfo
		want                  string
	}{
		{"a release says its tag, commit and day", "0.1.0", "abc1234def5678", "2026-11-30T18:04:05Z", devel, "v0.1.0 (commit abc1234, built 2026-11-30)"},
		{"a release's words win over the checkout's", "0.1.0", "abc1234def5678", "2026-11-30T18:04:05Z", checkout, "v0.1.0 (commit abc1234, built 2026-11-30)"},
		{"a release version that has its v keeps one", "v0.2.0", "abc1234", "2026-11-30T18:04:05Z", nil, "v0.2.0 (commit abc1234, built 2026-11-30)"},
		{"a snapshot says what it is", "0.1.1-SNAPSHOT-abc1234", "abc1234", "2026-11-30T18:04:05Z", nil, "v0.1.1-SNAPSHOT-abc1234 (commit abc1234, built 2026-11-30)"},
		{"a date that is not a timestamp is shown as given", "0.1.0", "abc1234", "2026-11-30", nil, "v0.1.0 (commit abc1234, built 2026-11-30)"},
		{"a build in a checkout says its revision and time", "", "", "", checkout, "v0.1.1-0.20261201093000-0123456789ab+dirty (commit 0123456, built 2026-12-01)"},
		{"go install of a tag says the tag alone", "", "", "", installed, "v0.1.0"},
		{"a build outside a checkout is dev", "", "", "", devel, "dev"},
		{"nothing known is dev", "", "", "", nil, "dev"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := formatVersion(tt.version, tt.commit, tt.date, tt.info); got != tt.want {
				t.Errorf("formatVersion(%q, %q, %q) = %q, want %q", tt.version, tt.commit, tt.date, got, tt.want)
			}
		})
	}
}

func TestVersionFlagSaysWhichBuild(t *testing.T) {
	emptyHome(t)
	out := aftercare(t, "", "--version")
	want := "aftercare version " + versionString() + "\n"
	if out.code != 0 || out.stdout != want || out.stderr != "" {
		t.Errorf("--version: %+v, want %q on stdout", out, want)
	}
}
