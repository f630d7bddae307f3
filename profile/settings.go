// Package profile keeps what aftercare remembers and how it is set up: the
// person's settings, read-only from their config file, the environment and
// flags; and, on disk under the data directory, the people who use it and
// the history of their check-ins.
package profile

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"

	"github.com/adrg/xdg"
	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"
	"go.yaml.in/yaml/v3"
)

// Settings are the person's choices for how aftercare runs. The program
// reads them and never writes them: the config file is the person's own.
type Settings struct {
	DataDir    string `yaml:"data_dir"`
	CatalogDir string `yaml:"catalog_dir"`
	Theme      string `yaml:"theme" oneof:"auto light dark"`
	// Region is the country whose support lines are shown, as a code such
	// as GB, or anywhere; unless set, it comes from the locale.
	Region         string `yaml:"region"`
	KeepHistory    bool   `yaml:"keep_history"`
	DefaultMinutes int    `yaml:"default_minutes"`
	// Accessible asks for the line mode: plain lines a screen reader
	// says once, instead of the full screen.
	Accessible bool `yaml:"accessible"`
}

// Check keeps the default time within what an activity can take, the
// region to one that support lines can be looked up by, and the folders
// to full paths, which mean the same wherever aftercare is run from.
func (s *Settings) Check(r *catalog.Reporter) {
	if s.DefaultMinutes < 0 || s.DefaultMinutes > catalog.MaxMinutes {
		r.Errorf("default_minutes", "%d is out of range: use 0 (no limit) to %d", s.DefaultMinutes, catalog.MaxMinutes)
	}
	for _, f := range []struct{ key, dir string }{{"data_dir", s.DataDir}, {"catalog_dir", s.CatalogDir}} {
		if r.Has(f.key) {
			if problem := folderProblem(f.dir); problem != "" {
				r.Errorf(f.key, "%s", problem)
			}
		}
	}
	if r.Has("region") {
		if _, err := catalog.ParseRegion(s.Region); err != nil {
			r.Errorf("region", "%v", err)
		}
	}
}

// checkSettingsPlace refuses a settings file that someone else could
// change, or that sits in a folder someone else could change: whoever
// writes it chooses where private things are kept.
func checkSettingsPlace(path string) error {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return nil
	}
	for _, p := range []string{filepath.Dir(real), real} {
		info, err := os.Stat(p)
		if err != nil {
			continue
		}
		if problem, fix := catalog.WritableByOthers(p, info); problem != "" {
			return fmt.Errorf("%s %s, and settings say where private things are kept; %s", p, problem, fix)
		}
	}
	return nil
}

// MaxSettingsBytes is the most a settings file may hold: six settings
// take a few hundred bytes, so anything near it is not a settings file.
const MaxSettingsBytes = 64 << 10

// Setting is one setting's effective value and where it came from.
type Setting struct {
	Key    string `json:"key"`
	Value  any    `json:"value"`
	Source string `json:"source"`
}

// Config is the settings in effect.
type Config struct {
	Settings
	// File is the config file that was read, or would have been.
	File string
	// Each lists every setting with its source, in a fixed order.
	Each []Setting
	// read is what was read of File, to say where a setting is in it.
	read []byte
}

// ConfigFile is where the settings file lives unless a flag says otherwise.
// It is "" when there is no safe place to look (see homeProblem).
func ConfigFile() string { return baseDir(xdg.ConfigHome, "XDG_CONFIG_HOME", "config.yaml") }

// baseDir is aftercare's folder under an XDG base folder, or "" when that
// base would come from a HOME that is unset or not a full path: such a HOME
// puts private files in the root folder, or wherever the command happens
// to run.
func baseDir(base, env string, parts ...string) string {
	if !filepath.IsAbs(os.Getenv(env)) && homeProblem() != "" {
		return ""
	}
	return filepath.Join(append([]string{base, "aftercare"}, parts...)...)
}

// homeProblem says what is wrong with HOME where the XDG folders are found
// from it, if anything.
func homeProblem() string {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		return ""
	}
	switch home := os.Getenv("HOME"); {
	case home == "":
		return "HOME is not set"
	case !filepath.IsAbs(home):
		return fmt.Sprintf("HOME is %s, which is not a full path", catalog.Quoted(home))
	}
	return ""
}

// Flags names the command-line flag that can set each setting, on the
// commands that have it.
var Flags = map[string]string{"data_dir": "data-dir", "catalog_dir": "catalog-dir", "region": "region", "accessible": "accessible"}

// settingKeys is the order in which settings are listed.
var settingKeys = []string{"data_dir", "catalog_dir", "theme", "region", "keep_history", "default_minutes", "accessible"}

// HuhAccessible is the variable programs made with huh read for plain
// lines: it sets accessible below AFTERCARE_ACCESSIBLE, and above the
// settings file, as the environment does.
const HuhAccessible = "ACCESSIBLE"

// accessibleValue reads ACCESSIBLE as huh does: any value but a no asks
// for plain lines.
func accessibleValue(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "0", "false", "no", "off":
		return false
	}
	return true
}

// envPrefix begins the name of every environment variable aftercare reads
// but ACCESSIBLE.
const envPrefix = "AFTERCARE_"

// EnvVar is the environment variable that sets a key.
func EnvVar(key string) string { return envPrefix + strings.ToUpper(key) }

// IdentityEnv names an age identity file that opens locked data, in place
// of the passphrase.
const IdentityEnv = "AFTERCARE_IDENTITY"

// UnknownEnv says, for each AFTERCARE_* variable in environ that aftercare
// does not read, that it does not, and which one it was likely meant to
// be: a mistyped AFTERCARE_DATA_DIR would otherwise keep the data
// elsewhere without a word.
func UnknownEnv(environ []string) []string {
	known := []string{strings.TrimPrefix(IdentityEnv, envPrefix)}
	for _, key := range settingKeys {
		known = append(known, strings.ToUpper(key))
	}
	var said []string
	for _, kv := range environ {
		name, _, _ := strings.Cut(kv, "=")
		rest, ours := strings.CutPrefix(name, envPrefix)
		if !ours || slices.Contains(known, rest) {
			continue
		}
		said = append(said, fmt.Sprintf("%s is not a variable aftercare reads%s", catalog.Quoted(name), catalog.DidYouMeanAfter(envPrefix, rest, known)))
	}
	return said
}

// SettingError is a bad value from the environment or a flag.
type SettingError struct {
	Source string // "AFTERCARE_THEME" or "--catalog-dir"
	Msg    string
}

func (e *SettingError) Error() string { return e.Source + ": " + e.Msg }

// FromFlag says whether the bad value came from a flag, which is a usage
// mistake rather than a broken setting.
func (e *SettingError) FromFlag() bool { return strings.HasPrefix(e.Source, "--") }

func defaultSettings() Settings {
	return Settings{
		DataDir:        baseDir(xdg.DataHome, "XDG_DATA_HOME"),
		CatalogDir:     baseDir(xdg.ConfigHome, "XDG_CONFIG_HOME", "catalog"),
		Theme:          "auto",
		Region:         catalog.RegionFromLocale(os.Getenv),
		KeepHistory:    true,
		DefaultMinutes: 30,
	}
}

// LoadConfig reads the settings: the defaults, then the config file at path
// (which need not exist), then AFTERCARE_* environment variables, then the
// flags that were given; each wins over the one before. Every value is
// checked: a bad one in the file is reported with its line, one from the
// environment or a flag with its name.
func LoadConfig(path string, flags *pflag.FlagSet) (*Config, error) {
	defaults := defaultSettings()
	v := viper.New()
	v.SetDefault("data_dir", defaults.DataDir)
	v.SetDefault("catalog_dir", defaults.CatalogDir)
	v.SetDefault("theme", defaults.Theme)
	v.SetDefault("region", defaults.Region)
	v.SetDefault("keep_history", defaults.KeepHistory)
	v.SetDefault("default_minutes", defaults.DefaultMinutes)
	v.SetDefault("accessible", defaults.Accessible)

	var data []byte
	var err error
	if path != "" {
		data, err = catalog.ReadOrdinary(path, MaxSettingsBytes, "a settings file")
		if err == nil {
			err = checkSettingsPlace(path)
		}
	}
	switch {
	case path == "" || catalog.Absent(err):
	case err != nil:
		return nil, fmt.Errorf("settings: %w", err)
	default:
		var fromFile Settings
		if err := catalog.Decode(path, data, &fromFile); err != nil {
			return nil, err
		}
		// The bytes already checked, not the file again: it may have
		// changed since.
		v.SetConfigType("yaml")
		if err := v.ReadConfig(bytes.NewReader(data)); err != nil {
			return nil, fmt.Errorf("settings: %s: %w", path, err)
		}
	}

	v.SetEnvPrefix("AFTERCARE")
	v.SetEnvKeyReplacer(strings.NewReplacer("-", "_"))
	v.AutomaticEnv()
	for key, name := range Flags {
		if f := flags.Lookup(name); f != nil {
			if err := v.BindPFlag(key, f); err != nil {
				return nil, err
			}
		}
	}

	cfg := &Config{File: path, read: data}
	source := func(key string) string {
		if f := flags.Lookup(Flags[key]); f != nil && f.Changed {
			return "--" + f.Name
		}
		if os.Getenv(EnvVar(key)) != "" {
			return EnvVar(key)
		}
		if key == "accessible" && os.Getenv(HuhAccessible) != "" {
			return HuhAccessible
		}
		if v.InConfig(key) {
			return path
		}
		return "default"
	}
	for _, key := range settingKeys {
		from := source(key)
		value, err := settingValue(key, v.Get(key))
		if from == HuhAccessible {
			value, err = accessibleValue(os.Getenv(HuhAccessible)), nil
		}
		if from == "default" && v.Get(key) == "" {
			// A folder with no safe default: the catalogue is then the
			// built-in one, and the data folder is refused below.
			value, err = "", nil
		}
		if err != nil {
			return nil, &SettingError{Source: from, Msg: err.Error()}
		}
		cfg.Each = append(cfg.Each, Setting{Key: key, Value: value, Source: from})
		switch key {
		case "data_dir":
			cfg.DataDir = value.(string)
		case "catalog_dir":
			cfg.CatalogDir = value.(string)
		case "theme":
			cfg.Theme = value.(string)
		case "region":
			cfg.Region = value.(string)
		case "keep_history":
			cfg.KeepHistory = value.(bool)
		case "default_minutes":
			cfg.DefaultMinutes = value.(int)
		case "accessible":
			cfg.Accessible = value.(bool)
		}
	}
	if !filepath.IsAbs(cfg.DataDir) {
		return nil, noDataDir(cfg.DataDir)
	}
	return cfg, nil
}

// CheckCatalogDir refuses a catalogue folder that was named, by a flag,
// the environment or the settings file, and is not there: a mistyped name
// would leave the person's own files out without a word. The default
// folder need not exist.
func (c *Config) CheckCatalogDir() error {
	for _, s := range c.Each {
		if s.Key != "catalog_dir" || s.Source == "default" {
			continue
		}
		if _, err := os.Lstat(c.CatalogDir); catalog.Absent(err) {
			from := s.Source
			if from == c.File {
				from = c.File + ":" + settingPlace(c.read, s.Key) + ": " + s.Key
			}
			return &SettingError{Source: from, Msg: fmt.Sprintf("there is no folder %s: create it, or leave the setting out for the built-in catalogue alone", c.CatalogDir)}
		}
	}
	return nil
}

// settingPlace finds where key's value is in a settings file already
// decoded, as line:column, for a message about a value that only turns
// out to be wrong later; it is looked for then, not on every start.
func settingPlace(data []byte, key string) string {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return ""
	}
	m := doc.Content[0].Content
	for i := 0; i+1 < len(m); i += 2 {
		if m[i].Value == key {
			return fmt.Sprintf("%d:%d", m[i+1].Line, m[i+1].Column)
		}
	}
	return ""
}

// noDataDir explains why there is nowhere to keep profiles and history.
func noDataDir(dir string) error {
	why := homeProblem()
	if dir != "" {
		why = fmt.Sprintf("the data folder %s is not a full path", catalog.Quoted(dir))
	}
	return fmt.Errorf("there is no safe place to keep profiles and history: %s; set HOME to your home folder, or choose a folder with --data-dir or %s (a full path). Nothing was written", why, EnvVar("data_dir"))
}

// settingValue checks one merged value, which is a string when it came
// from the environment or a flag.
func settingValue(key string, raw any) (any, error) {
	text := strings.TrimSpace(fmt.Sprint(raw))
	switch key {
	case "data_dir", "catalog_dir":
		if problem := folderProblem(text); problem != "" {
			return nil, errors.New(problem)
		}
		return expandHome(text), nil
	case "theme":
		switch text {
		case "auto", "light", "dark":
			return text, nil
		}
		return nil, fmt.Errorf("%s is not a theme: use auto, light or dark", catalog.Quoted(text))
	case "region":
		return catalog.ParseRegion(text)
	case "keep_history", "accessible":
		switch strings.ToLower(text) {
		case "true", "yes", "on", "1":
			return true, nil
		case "false", "no", "off", "0":
			return false, nil
		}
		return nil, fmt.Errorf("%s is not true or false", catalog.Quoted(text))
	case "default_minutes":
		n, err := strconv.Atoi(text)
		if err != nil {
			return nil, fmt.Errorf("%s is not a whole number of minutes", catalog.Quoted(text))
		}
		if n < 0 || n > catalog.MaxMinutes {
			return nil, fmt.Errorf("%d is out of range: use 0 (no limit) to %d", n, catalog.MaxMinutes)
		}
		return n, nil
	}
	return raw, nil
}

// folderProblem says what is wrong with a folder given in a setting: it
// must be a full path, or one from ~/; "" when nothing is.
func folderProblem(dir string) string {
	dir = strings.TrimSpace(dir)
	switch {
	case dir == "":
		return "the folder must not be empty"
	case !filepath.IsAbs(dir) && !strings.HasPrefix(dir, "~/"):
		return fmt.Sprintf("%s is not a full path: give one that starts with / or ~/", catalog.Quoted(dir))
	}
	return ""
}

// expandHome lets a path in a setting start with ~/ as it would in a shell.
func expandHome(path string) string {
	if rest, ok := strings.CutPrefix(path, "~/"); ok {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, rest)
		}
	}
	return path
}
