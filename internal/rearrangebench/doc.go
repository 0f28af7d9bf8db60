// Package rearrangebench holds the benchmark of package rearrange on the
// villages package synth generates for the post-reform communes (about
// 90,000, with their neighbours), each with its floor of the nd185-2026
// preset (NĐ 185/2026 Art. 10). It lives apart because rearrange may
// import only model; a test package here may import synth, scenarios and
// tables too. Its one function outside tests, [Run], is the timing loop
// this benchmark and rearrange's own BenchmarkRearrange share.
package rearrangebench
