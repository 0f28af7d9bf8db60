package tables

import (
	"io"
	"strings"
	"testing"
)

// malformedCase is a file a reader must refuse, with the whole error text.
type malformedCase struct {
	name, src, want string
}

// checkMalformed reads each case's source as the file named file and
// checks the error: its text, no records beside it, and every positioned
// error naming the file.
func checkMalformed[T any](t *testing.T, tests []malformedCase, file string, read func(io.Reader) ([]T, error)) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := read(strings.NewReader(tc.src))
			if err == nil {
				t.Fatalf("no error; got %+v", got)
			}
			if err.Error() != tc.want {
				t.Errorf("got\n%s\nwant\n%s", err, tc.want)
			}
			if got != nil {
				t.Errorf("%d records returned with an error", len(got))
			}
			for _, e := range Errors(err) {
				if e.File != file {
					t.Errorf("error %v has file %q", e, e.File)
				}
			}
		})
	}
}
