package main

import (
	"context"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/report"
)

// rearrangePeople is filled in by the next step.
func rearrangePeople(ctx context.Context, s *model.Scenario, cs []report.RearrangeCommune, lang model.Lang) (*report.RearrangePeople, error) {
	return nil, nil
}
