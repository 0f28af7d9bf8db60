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
	optimize    find who should hold which titles: fewest people, then lowest
	            allowance cost, then least disruption, with a proof of optimality
	diff        compare two plans: which titles change hands, who is added or
	            released

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

optimize SCENARIO [--solver native|cbc|glpk] [--time-limit D] [--lang vi|en] [--out DIR] [--json] [--export-mps FILE] [--pin P:T@U ...] [--forbid P:T@U ...] [--weighted]

	Plans kiêm nhiệm for the scenario's units and people (the embedded
	synthetic province when the scenario has no data section): every title
	of every unit gets the holders it needs from eligible people, and the
	plan keeps the fewest people, then costs the least allowance per year,
	then changes the fewest holdings (--weighted minimises instead 1e9 đồng
	per person + 1 per đồng of cost + 1e6 đồng per change). The answer is proven optimal or comes with its bound
	and gap. Every plan is re-verified by an independent checker; a plan
	that fails it is a bug, is printed to stderr and is never written
	(exit 1).

	--solver native (default) is the built-in pure-Go solver; cbc or glpk
	runs the installed cbc or glpsol on the same model. --time-limit 30s
	stops the search and reports the best plan found with its bound (status
	time_limit). --lang sets the language of title names and texts
	(Vietnamese by default). --pin PERSON:TITLE@UNIT makes the person hold
	the title, --forbid PERSON:TITLE@UNIT keeps them off it; both repeat,
	e.g. --pin P000012:truong-thon@42001-03. A malformed value is a usage
	error; a person, title or unit the scenario does not have is bad input.
	--export-mps FILE also writes the model for other solvers: CPLEX-LP when
	FILE ends in .lp, MPS otherwise.

	Without --json a short summary is printed: status, people and annual
	allowance cost before and after, the estimated severance, each commune
	with no plan and why, and the first few rules that keep the headcount
	up. --json prints an object instead:

	  status            optimal, feasible (a search limit stopped a commune
	                    before its proof), infeasible (some commune has no
	                    plan; the others are planned) or time_limit
	  headcount_before  people holding titles today
	  headcount_after   people holding titles in the plan (recruits included)
	  cost_before, cost_after, saving
	                    annual allowance cost in đồng, without one-off costs
	  objective, bound  [headcount, cost, disruption] of the plan and the
	                    proven lower bound; cost here includes recruitment
	  gap               (objective − bound) / objective on the first level
	                    that differs; 0 when optimal
	  seconds           solve time, loading and writing excluded
	  pools, titles, people
	                    communes solved separately, title holders needed,
	                    candidates (recruits excluded)
	  released, recruits, severance_total
	                    people released, recruits, and the sum of the
	                    released people's severance estimates in đồng
	  objective_checked the plan's [headcount, cost, disruption] as the
	                    independent checker prices it (when every commune
	                    is planned; a difference is warned about on stderr)
	  unplanned_pools   communes with no plan: infeasible, or stopped by
	                    --time-limit before a first plan
	  infeasible_pools  [{commune, commune_name, reasons}]: why each
	                    infeasible commune has no plan, in --lang
	  binding           the same for planned communes: what keeps their
	                    headcount up
	  scenario, date, solver, mode, pins, forbids, out, export_model

	--out DIR writes, each file atomically (never over the scenario's own
	files):

	  plan.csv     unit, unit_name, title, title_name, person, person_name,
	               role (main or concurrent); one row per title holder;
	               recruits are NEW-UNIT-N
	  plan.xlsx    the same table, header bold and frozen, cells as text
	  people.csv   id, name, status, titles_before, titles_after (unit/title
	               joined by ";"), severance_estimate_dong; status is kept,
	               released, new (a recruit), appointed (held nothing,
	               holds titles now), unassigned (nothing before or after)
	               or unplanned (in a commune with no plan); severance is
	               the Decree 154/2025 estimate for released people (A =
	               the main title's monthly allowance on the plan date,
	               service from the main title's start, months to
	               retirement from the policy's schedule; 0 for someone
	               past retirement age), 0 for the others
	  summary.json what --json prints

	An infeasible result is a valid answer: the command exits 0 and says
	which rules conflict.

diff PLAN_A.csv PLAN_B.csv [--lang vi|en] [--json]

	Compares two plan.csv files written by optimize --out (for example a
	plan and the same scenario with a pin or a forbid): per unit and title
	the holders before and after, then the people added and released.
	--json prints the same as an object: changes [{Unit, Title, Before,
	After}], added, released.

Exit status: 0 on success (for optimize, also when a commune has no plan),
1 on bad input (a scenario or data file with errors, an unknown pin) or a
plan that fails the checker, 2 on a usage error (an unknown command or
flag, a malformed value).
*/
package main
