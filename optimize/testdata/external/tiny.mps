* kiemnhiem bundle model, objective level 1: headcount
* 1 pools
* column <pool>_x<c>_<b>: candidate c holds the titles of their bundle b (and no other)
* rows: cand (one bundle each), cover (holders per title), ccap/vcap (people per unit), cfund/vfund (monthly allowances per unit, dong), pinout (a pin no candidate can honour)
* pool p0_00001: commune 00001, 3 candidates, 3 titles, 14 columns, 9 rows, objective constant 0
*   title 0: chu-tich in 00001, 1 holder(s)
*   title 1: van-phong in 00001, 1 holder(s)
*   title 2: truong-thon in 0000101, 1 holder(s)
*   candidate 0: A
*   candidate 1: B
*   candidate 2: C
NAME kiemnhiem FREE
ROWS
 N obj
 L p0_00001_cand0
 L p0_00001_cand1
 L p0_00001_cand2
 E p0_00001_cover0
 E p0_00001_cover1
 E p0_00001_cover2
 L p0_00001_ccap
 L p0_00001_cfund
 L p0_00001_vfund1
COLUMNS
 MARKER 'MARKER' 'INTORG'
 p0_00001_x0_1 obj 1
 p0_00001_x0_1 p0_00001_cand0 1
 p0_00001_x0_1 p0_00001_cover0 1
 p0_00001_x0_1 p0_00001_ccap 1
 p0_00001_x0_1 p0_00001_cfund 3510000
 p0_00001_x0_2 obj 1
 p0_00001_x0_2 p0_00001_cand0 1
 p0_00001_x0_2 p0_00001_cover0 1
 p0_00001_x0_2 p0_00001_cover1 1
 p0_00001_x0_2 p0_00001_ccap 1
 p0_00001_x0_2 p0_00001_cfund 4914000
 p0_00001_x0_3 obj 1
 p0_00001_x0_3 p0_00001_cand0 1
 p0_00001_x0_3 p0_00001_cover0 1
 p0_00001_x0_3 p0_00001_cover2 1
 p0_00001_x0_3 p0_00001_ccap 1
 p0_00001_x0_3 p0_00001_cfund 3510000
 p0_00001_x0_3 p0_00001_vfund1 819000
 p0_00001_x0_4 obj 1
 p0_00001_x0_4 p0_00001_cand0 1
 p0_00001_x0_4 p0_00001_cover1 1
 p0_00001_x0_4 p0_00001_ccap 1
 p0_00001_x0_4 p0_00001_cfund 2808000
 p0_00001_x0_5 obj 1
 p0_00001_x0_5 p0_00001_cand0 1
 p0_00001_x0_5 p0_00001_cover1 1
 p0_00001_x0_5 p0_00001_cover2 1
 p0_00001_x0_5 p0_00001_ccap 1
 p0_00001_x0_5 p0_00001_cfund 2808000
 p0_00001_x0_5 p0_00001_vfund1 819000
 p0_00001_x0_6 obj 1
 p0_00001_x0_6 p0_00001_cand0 1
 p0_00001_x0_6 p0_00001_cover2 1
 p0_00001_x0_6 p0_00001_vfund1 1638000
 p0_00001_x1_1 obj 1
 p0_00001_x1_1 p0_00001_cand1 1
 p0_00001_x1_1 p0_00001_cover0 1
 p0_00001_x1_1 p0_00001_ccap 1
 p0_00001_x1_1 p0_00001_cfund 3510000
 p0_00001_x1_2 obj 1
 p0_00001_x1_2 p0_00001_cand1 1
 p0_00001_x1_2 p0_00001_cover0 1
 p0_00001_x1_2 p0_00001_cover1 1
 p0_00001_x1_2 p0_00001_ccap 1
 p0_00001_x1_2 p0_00001_cfund 4914000
 p0_00001_x1_3 obj 1
 p0_00001_x1_3 p0_00001_cand1 1
 p0_00001_x1_3 p0_00001_cover1 1
 p0_00001_x1_3 p0_00001_ccap 1
 p0_00001_x1_3 p0_00001_cfund 2808000
 p0_00001_x2_1 obj 1
 p0_00001_x2_1 p0_00001_cand2 1
 p0_00001_x2_1 p0_00001_cover0 1
 p0_00001_x2_1 p0_00001_ccap 1
 p0_00001_x2_1 p0_00001_cfund 3510000
 p0_00001_x2_2 obj 1
 p0_00001_x2_2 p0_00001_cand2 1
 p0_00001_x2_2 p0_00001_cover0 1
 p0_00001_x2_2 p0_00001_cover2 1
 p0_00001_x2_2 p0_00001_ccap 1
 p0_00001_x2_2 p0_00001_cfund 3510000
 p0_00001_x2_2 p0_00001_vfund1 819000
 p0_00001_x2_3 obj 1
 p0_00001_x2_3 p0_00001_cand2 1
 p0_00001_x2_3 p0_00001_cover1 1
 p0_00001_x2_3 p0_00001_ccap 1
 p0_00001_x2_3 p0_00001_cfund 2808000
 p0_00001_x2_4 obj 1
 p0_00001_x2_4 p0_00001_cand2 1
 p0_00001_x2_4 p0_00001_cover1 1
 p0_00001_x2_4 p0_00001_cover2 1
 p0_00001_x2_4 p0_00001_ccap 1
 p0_00001_x2_4 p0_00001_cfund 2808000
 p0_00001_x2_4 p0_00001_vfund1 819000
 p0_00001_x2_5 obj 1
 p0_00001_x2_5 p0_00001_cand2 1
 p0_00001_x2_5 p0_00001_cover2 1
 p0_00001_x2_5 p0_00001_vfund1 1638000
 MARKER 'MARKER' 'INTEND'
RHS
 RHS p0_00001_cand0 1
 RHS p0_00001_cand1 1
 RHS p0_00001_cand2 1
 RHS p0_00001_cover0 1
 RHS p0_00001_cover1 1
 RHS p0_00001_cover2 1
 RHS p0_00001_ccap 1
 RHS p0_00001_cfund 7020000
 RHS p0_00001_vfund1 2340000
BOUNDS
 UP BND p0_00001_x0_1 1
 UP BND p0_00001_x0_2 1
 UP BND p0_00001_x0_3 1
 UP BND p0_00001_x0_4 1
 UP BND p0_00001_x0_5 1
 UP BND p0_00001_x0_6 1
 UP BND p0_00001_x1_1 1
 UP BND p0_00001_x1_2 1
 UP BND p0_00001_x1_3 1
 UP BND p0_00001_x2_1 1
 UP BND p0_00001_x2_2 1
 UP BND p0_00001_x2_3 1
 UP BND p0_00001_x2_4 1
 UP BND p0_00001_x2_5 1
ENDATA
