//go:build !unix

package main

import "time"

// processCPU is unknown here: the CPU metrics read zero.
func processCPU() time.Duration { return 0 }
