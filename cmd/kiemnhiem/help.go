package main

import (
	_ "embed"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// helpVi is the manual in Vietnamese: the same blocks as doc.go's package
// comment, each command's starting with its name at the line's start.
//
//go:embed help_vi.txt
var helpVi string

// manualIn is the manual in lang.
func manualIn(lang model.Lang) string {
	if lang == model.English {
		return manual()
	}
	return helpVi
}

// sectionIn is a command's block of the manual in lang; a command the
// Vietnamese manual lacks gets its English block (TestHelpVietnamese
// fails for it).
func sectionIn(cmd string, lang model.Lang) string {
	if lang == model.English || !hasSection(helpVi, cmd) {
		return section(cmd)
	}
	return findSection(helpVi, cmd, "Cách dùng: kiemnhiem ")
}

// hasSection reports whether text has a block about cmd.
func hasSection(text, cmd string) bool {
	return findSection(text, cmd, "") != text
}
