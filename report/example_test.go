package report

import (
	"context"
	"fmt"
	"log"
	"strings"
)

// exampleComparison is the fixture of the tests: a small district built in
// code, optimised and simulated (see fixture_test.go).
func exampleComparison() *Comparison {
	c, err := fixture()
	if err != nil {
		log.Fatal(err)
	}
	return c
}

// FanChart draws the savings of every variant against the baseline; Render
// gives SVG, PNG or PDF, CSV the data behind it.
func ExampleFanChart() {
	c := exampleComparison()
	ch, err := FanChart(c.Sim, "en")
	if err != nil {
		log.Fatal(err)
	}
	png, err := ch.Render("png")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(ch.Name, "—", ch.Title)
	fmt.Println("PNG:", strings.HasPrefix(string(png), "\x89PNG"))
	fmt.Println("columns:", strings.Join(ch.Columns, ","))
	// Output:
	// fan-savings — Savings against one-per-title
	// PNG: true
	// columns: variant,year,calendar_year,p5,p25,p50,p75,p95,mean
}

// Build renders a whole comparison into files; the caller writes them.
func ExampleBuild() {
	c := exampleComparison()
	files, err := Build(context.Background(), c, []string{"svg"})
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range files[:6] {
		fmt.Println(f.Name)
	}
	fmt.Println("…", files[len(files)-1].Name)
	// Output:
	// summary.csv
	// summary.xlsx
	// fan-savings.csv
	// fan-savings.svg
	// cost-components.csv
	// cost-components.svg
	// … report.html
}

// SummaryTable is one row per scenario: what summary.csv and summary.xlsx
// hold.
func ExampleSummaryTable() {
	t, err := SummaryTable(exampleComparison())
	if err != nil {
		log.Fatal(err)
	}
	for _, row := range t.Rows {
		fmt.Printf("%s: %v people in the plan, %v đồng a year\n", row[0].Text, row[2].Num, row[4].Num)
	}
	// Output:
	// one-per-title: 24 people in the plan, 4.71744e+08 đồng a year
	// combine-full-pay: 12 people in the plan, 4.71744e+08 đồng a year
	// combine-half-pay: 12 people in the plan, 3.53808e+08 đồng a year
}
