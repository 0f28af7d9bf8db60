/*
Kiemnhiem plans kiêm nhiệm — one person holding several titles — for the
non-specialised workers of Vietnamese communes and villages: it reads
scenario files (a dated, sourced policy, the titles it defines, and the
units and people it applies to), and generates, checks and shows them.

Usage:

	kiemnhiem COMMAND [flags] [arguments]

Commands:

	presets     list the embedded presets, one per line: name and description
	validate    check scenario files; silent on success
	show        print a scenario fully resolved (after extends), every parameter
	            with its dated values and sources
	generate    write units.csv and people.csv for a province, from the synthetic
	            generator or a real unit list

Wherever a command takes SCENARIO it accepts a preset name (nd33-2023) or a
path to a YAML file (my-variant.yaml). A scenario file may extend a preset or
another file and override a few fields:

	# Hanoi-style concurrency with half pay for the second title.
	extends: hanoi-2019
	policy:
	  concurrency_rate:
	    - {from: 2023-08-01, value: 0.5, source: "assumption: proposal A"}

validate SCENARIO...

	Reports every error as file:line:col: field.path: message.

show SCENARIO [--json]

	Prints the resolved scenario in the scenario file format (YAML), or as
	JSON with --json. The output loads back as a scenario of its own.

generate --out DIR [--province CODE] [--vintage V] [--units FILE] [--district CODE] [--scenario S] [--seed N] [--json]

	Writes DIR/units.csv and DIR/people.csv for one province (default 42,
	Hà Tĩnh) of vintage V (2024-11, before the 2025 reform, or 2025-07). Without --units the communes are
	synthetic, calibrated to the real list of the vintage (the same number of
	communes of each type per province, population and area drawn from the
	published distributions). With --units FILE (a GSO list in the format of
	shared/data, or a units.csv written by this command) the communes are
	real. Villages and today's title holders, one person per title, are
	synthetic in both cases. The titles come from --scenario (default:
	nd33-2023 for 2024-11 and villages-2026 for 2025-07). --json prints a
	summary with the number of provinces, districts, communes, villages and
	people.

Exit status: 0 on success, 1 on bad input (a scenario or data file with
errors), 2 on a usage error (an unknown command or flag).
*/
package main
