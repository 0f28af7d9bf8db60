/*
Kiemnhiem plans kiêm nhiệm — one person holding several titles — for the
non-specialised workers of Vietnamese communes and villages: it reads
scenario files (a dated, sourced policy, the titles it defines, and the
units and people it applies to), and generates, checks and shows them.

Usage:

	kiemnhiem COMMAND [flags] [arguments]

Commands:

	presets     list the embedded presets, one per line: name, display name
	            and description (in --lang)
	validate    check scenario files; silent on success
	show        print a scenario fully resolved (after extends), every parameter
	            with its dated values and sources
	generate    write units.csv and people.csv for a province, from the synthetic
	            generator or a real unit list
	optimize    find who should hold which titles by the scenario's objective
	            (fewest people, lowest net cost, or fewest changes of holder),
	            with a proof of optimality
	simulate    play out the coming years many times over: retirements,
	            resignations, elections, mergers, re-plans; cost and vacancies
	            year by year, alone or against a baseline
	compare     optimise and simulate several scenarios against the first and
	            write a report for a proposal: summary tables, charts, HTML
	diff        compare two plans: which titles change hands, who is added or
	            released
	template    write Excel templates of a roster and a units table to fill in
	check       check a hand-made or edited plan against every rule
	rearrange   decide which villages merge under Decree 185/2026 (household
	            floors, neighbours, at most K into one), proven optimal, and
	            re-plan their people: mapping, bands, dossier, savings

Wherever a command takes SCENARIO it accepts a preset name (nd33-2023) or a
path to a YAML file (my-variant.yaml). A scenario file may extend a preset or
another file and override a few fields:

	# Hanoi-style concurrency with half pay for the second title.
	extends: hanoi-2019
	policy:
	  concurrency_rate:
	    - {from: 2023-08-01, value: 0.5, source: "assumption: proposal A"}

A scenario's display: {vi: ..., en: ...} (at most 24 characters each) is
the short name reports and charts show instead of its name; its
description_vi is the description in Vietnamese.

Language: --lang vi|en, before the command (kiemnhiem --lang vi help
optimize) or given to it, sets the language of the output, the help and
the usage errors; KIEMNHIEM_LANG=vi|en is the default of every command's
--lang (vi otherwise). Help and usage errors follow --lang, else
KIEMNHIEM_LANG, else the locale (LC_ALL, LC_MESSAGES or LANG, e.g.
vi_VN.UTF-8, gives Vietnamese), else English. Errors in scenario and data
files are in English for now.

presets [--lang vi|en]

	Lists the embedded presets: the name to type, the display name and the
	description, in --lang.

validate SCENARIO...

	Reports every error as file:line:col: field.path: message.

show SCENARIO [--json]

	Prints the resolved scenario in the scenario file format (YAML), or as
	JSON with --json. The output loads back as a scenario of its own.
	Sources are printed as written (policy-facts rows included); the
	report cites only the legal documents.

generate --out DIR [--province CODE] [--vintage V] [--units FILE] [--district CODE] [--scenario S] [--seed N] [--json] [--force]

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
	people. A units.csv or people.csv already in DIR that generate did not
	write there (a roster a scenario may read) is not replaced without
	--force (exit 2).

optimize SCENARIO [--solver native|cbc|glpk] [--time-limit D] [--lang vi|en] [--out DIR] [--force] [--json] [--export-mps FILE] [--pin P:T@U ...] [--forbid P:T@U ...] [--weighted] [--objective headcount|cost|stability] [--as-is] [--at DATE]

	Plans kiêm nhiệm for the scenario's units and people (the embedded
	synthetic province when the scenario has no data section): every title
	of every unit gets the holders it needs from eligible people, and the
	plan is the best by the planner's objective (--weighted minimises
	instead 1e9 đồng per person + 1 per đồng of cost + 1e6 đồng per change).

	The objective (mục tiêu) is the scenario's policy.objective on the plan
	date, or --objective, which overrides its order:

	  headcount   ít người nhất / fewest people, then the least allowance
	              per year (plus one-off recruitment), then the fewest
	              changes of holder; the default of a scenario that states
	              no objective (nd34-2019)
	  cost        chi phí ròng thấp nhất / the lowest net cost over the
	              objective's horizon (horizon_years; 10 when the scenario
	              gives none): each holder's allowances with the insurance
	              support (insurance_rate), discounted at discount_rate,
	              plus one-off recruitment, plus the Decree 154/2025
	              severance of every current holder the plan releases;
	              then the fewest people, then the fewest changes
	              (nd33-2023: a concurrent title paid at 100 % saves
	              nothing, so nobody is released to save nothing)
	  stability   ít thay đổi nhất / the fewest changes of holder that keep
	              the caps, funds and rules, then the fewest people, then
	              the lowest net cost

	Every objective is solved exactly, by the native solver and by cbc and
	glpk on the same model. The answer is proven optimal or comes with its bound
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
	--export-mps FILE also writes the model for other solvers, before the
	search: CPLEX-LP when FILE ends in .lp, MPS otherwise (a directory is a
	usage error).

	Ctrl-C (or SIGTERM, SIGHUP) stops the search: the command prints no
	plan and writes nothing more (an --export-mps model is written before
	the search), says it was interrupted and exits 130, so an earlier plan
	in --out is kept; a second signal exits at once. A plan cut short by a
	signal is never kept: --time-limit is the way to ask for the best plan
	found in a given time.

	Without --json a short summary is printed: status, people and annual
	allowance cost before and after, the estimated severance, each commune
	with no plan and why, and the first few rules that keep the headcount
	up. --json prints an object instead:

	  status            optimal, feasible (a search limit stopped a commune
	                    before its proof), infeasible (some commune has no
	                    plan; the others are planned) or time_limit
	  headcount_before  people holding titles today in the communes with
	                    a plan (all of them unless unplanned_pools > 0)
	  headcount_after   people holding titles in the plan (recruits included)
	  cost_before, cost_after, saving
	                    annual allowance cost in đồng, without one-off
	                    costs, over the communes with a plan: before and
	                    after always cover the same communes
	  objective, bound  [headcount, cost, disruption] of the plan and the
	                    proven lower bound; cost here includes recruitment,
	                    and under the cost and stability objectives it is
	                    the net cost over the horizon (severance included)
	  objective_used    the objective solved: order, name (in --lang),
	                    levels (in the order compared), cost_level (annual
	                    or net), horizon_years, discount_rate,
	                    insurance_rate, value and bound by level name, and
	                    for a net cost net_cost: {allowances, severance,
	                    recruitment, total, allowances_before}, where the
	                    plan's net cost goes, in đồng over the horizon
	  gap               (objective − bound) / objective on the first level
	                    that differs, in the objective's order; 0 when optimal; 1 when some commune
	                    has no plan (nothing is proven about the whole).
	                    Objective and bound sum the planned communes, so
	                    the bound never exceeds the objective
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
	  planned_pools     communes with a plan (pools − unplanned_pools)
	  headcount_before_all, cost_before_all
	                    today's people and annual cost in every commune
	  infeasible_pools  [{commune, commune_name, reasons, fixes}]: why each
	                    infeasible commune has no plan and the single
	                    changes that give it one, in --lang
	  causes, unfixed   the infeasible communes by rule, with the least
	                    change (a fund, a cap, titles per person, a pin,
	                    terms) that gives them a plan; those no one change fixes
	  pin_effects       [{kind, pin, no_effect, text}]: what each pin and
	                    forbid changes (no_effect: nothing)
	  binding           the same for planned communes: what keeps their
	                    headcount up
	  schedule          when the plan is carried out (lộ trình): changes
	                    (titles that change hands), first and last (their
	                    dates), joined and left (people), and today, points
	                    and at: {date, headcount, seats, monthly_cost} today,
	                    after the changes of each date, and on --at's date
	  scenario, date, solver, mode, pins, forbids, out, export_model

	The schedule dates each change of the plan: an appointed or vacant
	title changes on the plan date; where terms bind (policy.terms_bind)
	the plan already keeps every unexpired elected holder, so every change
	is on the plan date; otherwise an elected title changes hands when its
	holder's term ends (the roster's term_end, or the next round of the
	title's organisation's congresses) or when the holder reaches
	retirement age first. A holder who moves to new titles only hands an
	appointed title over when the first new one is free. Costs along the
	way use the base salary and concurrency rate of each date. --at DATE
	gives the arrangement as it stands on DATE.

	--out DIR writes the files below as one set (never over the scenario's
	own files): they are written into a fresh directory beside DIR, which
	then takes DIR's place, so DIR holds the whole old set or the whole new
	one, whatever fails or stops the command. Files in DIR that the old set
	did not write are kept; DIR/.kiemnhiem-set lists the set. A people.csv
	in DIR that optimize did not write (a roster) is not replaced without
	--force (exit 2). compare and simulate write their --out the same way.

	  plan.csv     unit, unit_name, title, title_name, person, person_name,
	               role (main or concurrent); one row per title holder;
	               recruits are NEW-UNIT-N; under --lang vi the headers
	               are Mã đơn vị, …, Vai trò and roles chính, kiêm nhiệm
	  plan.xlsx    the same table, header bold and frozen, cells as text
	  people.csv   the plan as a roster: the people table (see template)
	               with each person's titles after the plan (a kept title
	               keeps its dates), then status, reason (what changes and
	               who takes over), titles_before, severance_estimate_dong;
	               headers and values in --lang, and it loads back as the
	               next roster (a recruit's row once its birth date is
	               filled in); status is kept,
	               released, new (a recruit), appointed (held nothing,
	               holds titles now), unassigned (nothing before or after)
	               or unplanned (in a commune with no plan); severance is
	               the Decree 154/2025 estimate for released people (A =
	               the main title's monthly allowance on the plan date,
	               service from the main title's start, months to
	               retirement from the policy's schedule; 0 for someone
	               past retirement age), 0 for the others
	  people.xlsx  the same table as one sheet (nhan-su / people)
	  appointments.xlsx  the appointment lists (danh sách bố trí), a sheet
	               per commune: names, titles before and after, status
	               and the reason for each change
	  summary.json what --json prints; "warnings" lists what the data
	               checks accepted but flag (also printed on stderr)
	  schedule.csv date, unit, unit_name, title, title_name, organisation
	               (in --lang), before, after
	               (person IDs, space-separated), reason (key) and
	               reason_text (in --lang), joined, left, headcount_after
	               and monthly_cost_after (the arrangement after that
	               date's changes); one row per title that changes hands
	  plan-at.csv  with --at: the arrangement on DATE, as plan.csv

	An infeasible result is a valid answer: the command exits 0 and says
	which rules conflict.

	--as-is does not optimise: the plan is today's holdings (status
	as_is), priced as a plan is, and the rules they break are listed on
	stderr and under "breaches" in summary.json; they never fail the
	command. It takes none of --solver, --time-limit, --export-mps, --pin,
	--forbid or --weighted.

simulate SCENARIO [--baseline SCENARIO] [--years N] [--runs N] [--seed S] [--discount RATE] [--workers N] [--lang vi|en] [--out DIR] [--json] [--quiet] [--no-replan] [--objective headcount|cost|stability]

	Simulates the scenario's units and people (the embedded synthetic
	province when the scenario has no data section) from the scenario's
	date: --runs replications (default 1000) of --years years (default 10,
	at most 50). Each replication plays out month by month who retires,
	resigns, dies or falls long-term ill, who is recruited from the
	candidates, how units grow, the elections and mergers, and the policy's
	dated changes (base salary, concurrency rate, caps, funds), with the
	rates of the scenario's dynamics section. At the start and at every
	election and merger the optimiser re-plans the expected world, as
	optimize would, by each scenario's objective on the re-plan's date
	(--objective overrides the order for every scenario): under a net-cost
	objective a re-plan releases a holder only when that saves more than
	the severance it costs. A commune with no plan keeps its holders.
	--no-replan
	never re-plans: holders keep their titles, and the titles of people who
	leave pass to recruits of the same unit at the next election.

	--baseline B compares SCENARIO with B: both are simulated on common
	random numbers (the same people draw the same random numbers in both,
	so what differs is the policy, not the luck of the draw), and the
	differences, SCENARIO minus B, are taken replication by replication:
	they are far less noisy than the difference of two separate
	simulations. Both start on B's date.

	--baseline as-is is SCENARIO's world as it is today (see "As it is
	today" under compare): it is never re-planned, holders keep their
	titles and vacancies are filled as the dynamics say, as with
	--no-replan; the rules its holdings break are listed on stderr.

	--seed S (default 1) fixes every random draw: the same command with the
	same seed prints the same bytes, whatever --workers (replications run
	at once; 0, the default, is one per CPU) and the number of CPUs.
	--discount RATE (0 to below 1; 0.05 is 5 % a year) discounts the
	multi-year totals; year 1 is not discounted. A progress bar per
	scenario and stage (re-planning, runs) is drawn on stderr when it is a
	terminal, unless --quiet. Ctrl-C stops the simulation; nothing is
	written.

	Metrics, per year and replication; flows are totals over the year,
	stocks are taken at its end; money is in đồng:

	  headcount                 people holding at least one title
	  allowance                 allowances paid: main titles in full,
	                            concurrent titles at the concurrency rate
	  allowance_main            allowances of main titles
	  allowance_concurrent      allowances of titles held concurrently,
	                            temporary cover included
	  fund                      the allowance funds of the communes and
	                            villages
	  severance                 one-off support to people released at
	                            re-plans (Decree 154/2025)
	  recruitment_cost          one-off cost of bringing in recruits
	  cost                      allowance + severance + recruitment_cost
	  vacant_title_months       months titles stood empty (one per holder
	                            needed)
	  covered_title_months      months titles were covered temporarily by
	                            someone else
	  overloaded_person_months  months people carried more weekly hours than
	                            their capacity
	  units_over_cap            communes and villages with more holders than
	                            their cap
	  entries                   people who took up titles: recruits and
	                            people from the roster
	  exits_retirement          holders who retired (schedule or maximum age)
	  exits_resignation         holders who resigned
	  exits_death               holders who died or fell long-term ill
	  exits_released            holders released at a re-plan

	With a baseline, savings is the baseline's cost minus SCENARIO's: the
	allowances saved net of severance and recruitment.

	Without --json the command prints, for each scenario and for the
	difference, each metric's p5, p50 and p95 in years 1, 5 and 10 (as far
	as the horizon goes, and the last year), money in million đồng, then
	the totals over 5 and 10 years (or the horizon). --lang sets the
	language of the headings. --json prints an object instead, money in
	whole đồng, other values to 2 decimals:

	  scenario, start, years, runs, seed, discount_rate, replan
	                    what was simulated; start is the first day
	  initial_headcount people holding titles on the start date
	  seats             title holders needed on the start date
	  replans           [{date, reason, headcount, changed, kept}]: each
	                    re-plan (reason start, election or merger), the
	                    people holding titles in its plan, those whose
	                    titles changed, the communes with no plan that kept
	                    their holders
	  metrics           {NAME: {unit, p5, p25, p50, p75, p95, mean}}, one
	                    list element per year, in the order above
	  windows           [{metric, unit, years, p5, …, mean}]: cost and
	                    allowance totalled over 5 and 10 years (or the
	                    horizon), discounted with --discount

	With --baseline, initial_headcount through windows are under baseline
	and variant (each with its scenario name), and difference holds
	{variant, baseline, metrics, savings, net_savings}: the metrics of
	SCENARIO minus those of the baseline, the savings per year and their
	totals over the windows.

	--out DIR writes, each file atomically (never over the scenarios' own
	files), after the simulation has finished:

	  percentiles.csv  scenario, kind, metric, unit, year, date, p5, p25,
	                   p50, p75, p95, mean: one row per scenario, metric
	                   and year (date is the year's first day); kind is
	                   level for a scenario's own values (baseline first)
	                   and difference for SCENARIO minus the baseline, whose
	                   rows end with the metric savings; metric_name, the
	                   last column, names the metric in --lang
	  windows.csv      scenario, kind, metric, unit, years, discount_rate,
	                   p5, …, mean, metric_name: the multi-year totals,
	                   levels then net savings
	  summary.json     what --json prints

compare [SCENARIO...] --out DIR [--baseline SCENARIO] [--years N] [--runs N] [--seed S] [--lang vi|en] [--format svg,png,pdf] [--sensitivity-runs N] [--discount RATE] [--workers N] [--objective headcount|cost|stability] [--allow-different-units] [--quiet]

	Compares arrangements the way a proposal needs: the first SCENARIO is
	the baseline; every scenario is optimised on its date, then all are
	simulated together on common random numbers (re-planning at elections
	and mergers, as simulate does), and the first variant's net savings
	are tested for sensitivity. --baseline B puts B first. Each scenario
	is optimised and re-planned by its own objective (see optimize);
	--objective sets the order for all of them. With no
	SCENARIO it answers the 2026 question on the embedded synthetic
	province (post-2025-reform units, its villages and today's title
	holders): the villages as they are (as-is: today's holdings under
	nd185-2026's rules on its date, 2026-07-01, no village merged)
	against nd185-2026 (the Decree 185/2026 rearrangement: villages
	below their household floor merged, at most 3 into one, then the
	titles re-planned), nd185-2026-strict (no lower floor for the
	villages of Art. 10(3)) and nd185-2026-pairs (at most 2 villages
	into one), all on the same communes and date with the same people;
	--baseline B with no SCENARIO puts B in as-is's place. The former
	comparison of commune concurrency is one command away:
	compare --baseline as-is nd33-2023 hanoi-2019 no-concurrency.

	Village rearrangement: a scenario whose dynamics merges villages by
	the rearrangement planner on its plan date (dynamics.mergers with
	rearrange: {max_merge, goal, adjacency}, as nd185-2026) is planned on
	the world after the merges: every commune is rearranged as rearrange
	does with the merger's options, each plan checked, and the titles of
	the villages after are optimised and verified; the simulation plays
	the same merger on that date. The console then prints, and
	report.html shows in a section of its own with charts, each such
	scenario's villages before and after, merges, households that change
	village and the villages at >= 100 %, 50 to < 100 % and < 50 % of
	their floor before and after, so variants (floors, exemptions, merge
	size) compare side by side. A plan decided on the plan date
	(dynamics.mergers with mapping:, e.g. rearrange's mapping.csv) is
	planned on the world after it too and, on floors of Decree 185/2026,
	has its column in the section as the decided plan: priced as
	rearrange prices it, against the optimum under the merger's rules
	(rules: {max_merge, goal, adjacency}, each optional; by default at
	most 3 into one, the fewest merges, neighbours where known), and the
	rules it breaks. The as-is
	world of such a scenario keeps its villages as they are: its dynamics
	has no rearrangement merger, planned or decided.
	Villages differ after a merge, communes do not: coverage and the
	like-for-like check compare communes.

	As it is today: the scenario reference as-is (reserved: no preset or
	file of that name is read) is the world of the first other scenario
	named — its rules, date, titles, units, roster and dynamics — with
	today's holdings as the plan: nothing is optimised, vacant titles
	stay vacant, and the holdings are priced as the optimiser prices a
	plan (each holder's best-paid title in full, the others at the
	concurrency rate). The independent checker then checks every rule of
	that world and reports what today's holdings break — two titles the
	rules forbid together, a cap exceeded, a vacant title, a holder past
	retirement — on stderr (the first 10, and how many) and in the report
	(the first 50), where the scenario reads "As it is today" with its
	breaches counted; they never stop the comparison. In the simulation
	the as-is world is never re-planned: holders keep their titles, a
	leaver's titles pass to a recruit of the unit at the next election,
	and vacancies between elections are covered as the dynamics' vacancy
	rule says. as-is needs another scenario (compare as-is alone is a
	usage error), and at most one as-is may be named.

	Like for like: every figure covers the communes planned in every
	scenario ("216 / 216 xã"); a commune one scenario cannot arrange is
	left out of all of them, counted and named. Scenarios on different
	units (another province or district, pre- against post-2025-reform
	units, other communes) are refused (exit 1, naming the difference)
	unless --allow-different-units, and the report then says what
	differs above its table. report.html opens with a written conclusion.

	--years (default 10), --runs (default 500), --seed (default 1),
	--discount and --workers are as for simulate. --sensitivity-runs N
	(default 100; 0 for none) runs the tornado chart: the baseline and the
	first variant with the resignation response to low pay, the base
	salary path, the concurrency rate and every title's workload each
	multiplied by 0.8 and 1.2, N runs each, planned at the start only
	(re-plans at elections would make it many times slower; the report
	says so). --lang (vi by default) is the language of the report and
	the charts. --format lists the image formats of the charts (default
	svg,png); pdf converts the SVG with rsvg-convert (Debian package
	librsvg2-bin, with fonts-liberation2), because gonum/plot's own PDF
	output garbles Vietnamese, and also prints the whole report to
	report.pdf, A4, with headless Chromium (chromium, chromium-browser or
	google-chrome); without them compare stops before computing.

	DIR receives, each file written atomically once everything has been
	computed and drawn (Ctrl-C before that leaves nothing; DIR must not
	hold any of the scenarios' files):

	  summary.csv, summary.xlsx
	        one row per scenario: people today, in the plan and in the
	        last year (p50); allowance cost per year and savings per year
	        against the baseline's plan on the plan date (đồng); net
	        savings after severance over 5 and 10 years (p5, p50, p95)
	        and the longest window's p50 averaged a year; titles vacant on
	        average in years 5 and 10 (p50, p95); people overloaded in the
	        last year (p50); communes that could not be arranged (left out
	        of every figure), communes_covered and communes_total. The CSV
	        header holds the keys; the workbook has headers for people in
	        its first row and the keys in its second
	  fan-savings.*       savings of each variant by year, median with
	                      its 50 % and 90 % bands
	  cost-components.*   cost over the horizon per scenario, stacked:
	                      main and concurrent allowances, severance,
	                      recruitment
	  headcount-by-class.*
	                      people holding titles by class of unit, today
	                      and in each plan
	  tornado.*           the sensitivity of the first variant's net
	                      savings
	  gaps-N-NAME.*       titles vacant by year in scenario N's 30 worst
	                      communes, every scenario on one colour scale
	  report.html         one self-contained page (fonts and charts
	                      inside, nothing fetched): a one-page summary,
	                      the charts, the tables, the communes that
	                      could not be arranged and why, and a methods
	                      section listing every parameter of every
	                      scenario with its source; it prints on A4
	  report.pdf          with --format pdf: report.html printed on A4

	Each chart is written as CSV (its data) and in every --format. A
	progress bar is drawn on stderr when it is a terminal, unless --quiet.
	The command prints the headline figures and where the report is.

rearrange SCENARIO [--out DIR] [--json] [--lang vi|en] [--max-merge K] [--goal fewest-merges|consolidation] [--adjacency auto|off] [--discount RATE]

	Plans the rearrangement of villages under Decree 185/2026/NĐ-CP (Art.
	8(3), 10): in each commune, on the plan date, every village has the
	household floor of its region and type, or the province's lower floor
	for an Art. 10(3) circumstance; villages merge only within their
	commune, at most K into one (--max-merge, default 3, at most 8), and,
	with --adjacency auto (the default), only between neighbours in a
	commune whose villages all carry neighbour lists. --goal fewest-merges
	(the default) leaves the fewest villages below their floor, then makes
	the fewest merges, then moves the fewest households; consolidation
	makes the most merges instead. Communes are solved in parallel, each
	proven optimal (or its bound and gap reported) and verified by an
	independent checker; the result does not depend on the number of CPUs.
	Then the villages after the merges (households, population and area
	summed, flags joined, neighbours rebuilt; terms in merged villages end,
	Art. 4) are planned by the optimiser under the scenario's rules: who is
	kept, who is released with severance (Art. 16(4)).
	A scenario whose plan date brings a plan the commune already decided
	(dynamics.mergers with mapping:) has that plan priced instead, and
	says so: its villages below their floor with why, how it compares with
	the optimum under the merger's rules (rules: {max_merge, goal,
	adjacency}), a flag given overriding its rule (merges, villages below
	their floor, households moved), and the rules it breaks (more than
	--max-merge villages into one; non-neighbours, under --adjacency
	auto), which are listed, not refused.
	Prints villages before and after, the villages at ≥ 100 %, 50 to
	< 100 % and < 50 % of their floor before and after, every village
	still below its floor with the reason, people, titles, allowances and
	funds before and after, severance, and the net savings a year and over
	5 years: the allowances saved each year less the severance, paid once
	on the plan date, undiscounted (as compare's default), and with
	--discount RATE (0 to below 1) also discounted as compare --discount
	discounts its windows (year 1 not discounted); the output states the
	convention (JSON net_savings, net_savings_discounted, discount_rate,
	net_savings_basis). --json prints the same as one object. --out DIR
	writes, as one set:
	  mapping.csv, .xlsx  one row per old village: the new village and the
	                      commune resolution's sentence ("Nhập thôn A (x
	                      hộ) và thôn B (y hộ) thành thôn A (x + y hộ)")
	  bands.csv, .xlsx    the three bands before and after, by commune and
	                      for the province
	  dossier.xlsx        one sheet per commune that merges villages or
	                      keeps one below its floor: the contents of Art.
	                      12(3)(b) (households now, the option, the names,
	                      the plan for each paid person)
	  rearrange.json      what --json prints

template [SCENARIO] --out DIR [--lang vi|en]

	Writes DIR/roster-template.xlsx, DIR/units-template.xlsx and
	DIR/villages-template.xlsx to fill in and name in a scenario's data
	block (people: {file: roster.xlsx}, units: {file: units.xlsx},
	villages: {file: villages.xlsx}). The roster has one row per person: STT,
	Mã cán bộ (id), Họ và tên, Ngày sinh (DD/MM/YYYY), Giới tính (nam/nữ),
	Trình độ, Đảng viên (có/không), Nơi cư trú (unit code), Số giờ mỗi tuần,
	the membership columns (blank: unknown), Ngày bố trí về thôn (a former
	commune worker's placement date: NĐ 185/2026 Art. 19), then per title held today
	Chức danh k (name or id), Mã đơn vị k, Ngày bắt đầu k, Hết nhiệm kỳ k,
	Chức danh chính k; English headers (id, name, birth_date, …, title_1,
	unit_1, …) read the same. Drop-down lists offer the title names and
	unit codes of SCENARIO (default nd33-2023); code columns are Text, so
	leading zeros stay; a notes sheet says what each column means. Title
	names are matched without case or diacritics, and a near miss is
	reported with "did you mean". Units read from XLSX as from CSV.

check SCENARIO --plan FILE [--lang vi|en]

	Checks a plan against every rule of SCENARIO with the independent
	checker (titles filled, requirements, terms, titles per person,
	workload, caps, funds) and lists each breach in planner language with
	the people, titles and units it concerns. FILE is plan.csv or
	plan.xlsx (unit, title, person, role), or a roster such as the
	people.xlsx optimize writes, edited: each person's titles are the plan.
	Exit 1 on a breach, 0 when the plan breaks no rule.

diff PLAN_A.csv PLAN_B.csv [--lang vi|en] [--json]

	Compares two plan.csv files written by optimize --out (for example a
	plan and the same scenario with a pin or a forbid): per unit and title
	the holders before and after, then the people added and released.
	A unit with holders in one plan and none in the other has no plan
	there (a commune the optimiser could not arrange): it is named, and
	its holders are counted as neither released nor added.
	--json prints the same as an object: changes [{Unit, Title, Before,
	After}], added, released, and NoPlanAfter, NoPlanBefore, Uncounted
	when a unit has no plan.

Input files: a scenario is YAML of at most 256 KiB, nested at most 64
deep, without YAML tags (!!str, !!null, …); units and people are CSV
(comma-separated, UTF-8, a byte-order mark allowed) of at most 64 MiB, or
an XLSX workbook (1900 or 1904 date system) of at most 64 MiB. A file that
is not a regular file (a directory, /dev/zero, a pipe), an .xls workbook,
UTF-16 or Windows-1258 text, or a semicolon-separated CSV is refused with
what to do: save it as "CSV UTF-8 (Comma delimited)" or "Excel Workbook
(.xlsx)". Every number of a scenario or a table has a documented range
(scenarios/schema.json gives it for scenarios): NaN, infinities and
implausible values (a birth date in 1800, a term that ends before it
starts, more holders of a title than it has seats, a village under a
district) are refused as file:line:col: field: what was expected. Data a
planner may mean but that changes the result, such as a holding that
starts within a year after the plan date, is accepted with a warning on
stderr: file:line:col: warning: what it changes.

Exit status: 0 on success (for optimize, also when a commune has no plan),
1 on bad input (a scenario or data file with errors, an unknown pin), a
failed write or a plan that fails the checker, 2 on a usage error (an
unknown command or flag, a bad flag value: a malformed value, an --out that
is a file or a directory of the user's (one holding a subdirectory no
kiemnhiem set wrote), an unknown province, a roster --out would replace without
--force), 130 when Ctrl-C, SIGTERM or SIGHUP stopped the command: nothing
is written and no output directory changes (a second signal exits at
once).
*/
package main
