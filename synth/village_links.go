package synth

import "github.com/kiemnhiem/kiemnhiem/model"

// villageNeighbours gives the villages of one commune (its code) their
// neighbours: each village is a point drawn uniformly in a square of the
// commune's area, and two villages are neighbours when they are in the
// Gabriel graph of the points ([model.GabrielNeighbours]: planar,
// connected and symmetric, a subgraph of the Delaunay triangulation; about
// 4 neighbours for an inner village, against the 6 of the Delaunay
// triangulation's average). Assumption: village territories are the
// Voronoi cells of such points, whose shared borders the Gabriel graph
// keeps where they are wide. A lone village has an empty list (no
// neighbour), not nil (unknown). The points come from their own stream, so
// sizes and flags do not depend on them; no coordinates are kept, since
// the points are not places.
func villageNeighbours(vs []model.Unit, commune string, seed uint64) {
	r := genStream(seed, "village-points", commune)
	x, y := make([]float64, len(vs)), make([]float64, len(vs))
	for i := range vs {
		x[i], y[i] = r.Float64(), r.Float64() // the graph does not depend on the square's size
	}
	for i, nb := range model.GabrielNeighbours(x, y) {
		list := make([]string, len(nb))
		for k, j := range nb {
			list[k] = vs[j].Code
		}
		vs[i].Neighbours = list
	}
}

// villageFlagShares are the assumptions behind the flags a synthetic
// village gets beyond its commune's.
const (
	// particularlyDifficultShare is the chance a village of a mountainous
	// commune is particularly difficult (NĐ 272/2025). Assumption: the only
	// published split, Điện Biên's 923 of 1,276 villages of its ethnic-
	// minority and mountain areas (policy-facts 9.13, 72 %), is of one of
	// the poorest provinces; Hà Nội lists 6; a third is taken elsewhere in
	// the mountains.
	particularlyDifficultShare = 1.0 / 3
)

// villageFlags sets the flags of the villages vs of commune c: its
// mountainous, border-island, key-security and key-defence flags; the
// ethnic-minority flag for every village of a mountainous commune
// (assumption: the ethnic-minority and mountain areas are listed together,
// NĐ 272/2025, and the generator's mountainous communes are its sparse
// ones, see tables.Mountainous); and, in a mountainous commune, the
// particularly-difficult flag with particularlyDifficultShare, drawn from
// the commune's own stream. Fragmented, resettlement and isolated-island
// are never set: no count of them was found.
func villageFlags(vs []model.Unit, c *model.Unit, seed uint64) {
	inherit := c.Flags & (model.Mountainous | model.BorderIsland | model.KeySecurity | model.KeyDefence)
	mountain := c.Flags.Has(model.Mountainous)
	r := genStream(seed, "village-flags", c.Code)
	for i := range vs {
		vs[i].Flags = inherit
		if !mountain {
			continue
		}
		vs[i].Flags |= model.EthnicMinority
		if r.Float64() < particularlyDifficultShare {
			vs[i].Flags |= model.ParticularlyDifficult
		}
	}
}
