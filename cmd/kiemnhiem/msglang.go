package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// getenv reads the environment; tests replace it.
var getenv = os.Getenv

// langEnv is the environment variable that sets the default of every
// command's --lang, and the language of help and usage errors.
const langEnv = "KIEMNHIEM_LANG"

// defaultLang is the default of --lang: KIEMNHIEM_LANG when it is vi or
// en (run refuses any other value before a command starts), else
// Vietnamese.
func defaultLang() model.Lang {
	if l, err := model.ParseLang(getenv(langEnv)); err == nil {
		return l
	}
	return model.Vietnamese
}

// globalLang takes a --lang given before the command (kiemnhiem --lang vi
// help optimize) off args and hands it to the command as its own --lang.
// It returns the arguments to run, the --lang value ("" for none) and
// whether one was given without a value.
func globalLang(args []string) (rest []string, value string, missing bool) {
	if len(args) == 0 {
		return args, "", false
	}
	switch {
	case args[0] == "--lang":
		if len(args) < 2 {
			return nil, "", true
		}
		value, rest = args[1], args[2:]
	case strings.HasPrefix(args[0], "--lang="):
		value, rest = strings.TrimPrefix(args[0], "--lang="), args[1:]
	default:
		return args, "", false
	}
	if len(rest) > 0 && !isHelp(rest[0]) {
		rest = append([]string{rest[0], "--lang=" + value}, rest[1:]...)
	}
	return rest, value, false
}

func isHelp(arg string) bool { return arg == "-h" || arg == "--help" || arg == "help" }

// messageLang is the language of help and usage errors: a --lang anywhere
// in args (before a "--"), else KIEMNHIEM_LANG, else Vietnamese when the
// locale (LC_ALL, LC_MESSAGES, LANG, the first one set) is Vietnamese
// (vi_VN.UTF-8), else English. A --lang that is neither vi nor en is
// ignored here: the command reports it.
func messageLang(args []string) model.Lang {
	for i, a := range args {
		if a == "--" {
			break
		}
		v, ok := strings.CutPrefix(a, "--lang=")
		if !ok && a == "--lang" && i+1 < len(args) {
			v, ok = args[i+1], true
		}
		if l, err := model.ParseLang(v); ok && err == nil {
			return l
		}
	}
	if l, err := model.ParseLang(getenv(langEnv)); err == nil {
		return l
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			if strings.HasPrefix(v, "vi") {
				return model.Vietnamese
			}
			break
		}
	}
	return model.English
}

// startArgs reads the language run speaks in: it takes a --lang before the
// command off args (passing it on to the command) and checks
// KIEMNHIEM_LANG. bad is the message to print (exit 2) when either is
// malformed.
func startArgs(args []string) (rest []string, lang model.Lang, bad string) {
	rest, global, missing := globalLang(args)
	lang = messageLang(args)
	switch {
	case missing:
		return nil, lang, runMessages.langNeedsValue.In(lang)
	case global != "":
		if _, err := model.ParseLang(global); err != nil {
			return nil, lang, usagef("--lang must be vi or en, got %q", global).(*usageError).in(lang) + "\n"
		}
	}
	if v := getenv(langEnv); v != "" {
		if _, err := model.ParseLang(v); err != nil {
			return nil, lang, fmt.Sprintf(runMessages.badLangEnv.In(lang), v)
		}
	}
	return rest, lang, ""
}
