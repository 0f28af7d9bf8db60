package model

// FloorBand is how a village's households compare with its floor, in the
// three bands provinces reported their villages in before and after the
// 2019–2021 rearrangements (policy-facts 9.18): at or above the floor, from
// half of it to below it, below half.
type FloorBand uint8

// Floor bands.
const (
	BandUnknown   FloorBand = iota
	BandMeets               // ≥ 100 % of the floor
	BandHalf                // 50 % to < 100 %
	BandUnderHalf           // < 50 %
)

var floorBandNames = enumNames[FloorBand]{{""}, {"meets"}, {"half"}, {"under-half"}}

func (b FloorBand) String() string { return floorBandNames.str(b) }

// Text names the band for people.
func (b FloorBand) Text() Text {
	switch b {
	case BandMeets:
		return Text{Vi: "đạt từ 100 % mức chuẩn", En: "at or above 100 % of the floor"}
	case BandHalf:
		return Text{Vi: "từ 50 % đến dưới 100 %", En: "50 % to under 100 %"}
	case BandUnderHalf:
		return Text{Vi: "dưới 50 %", En: "under 50 %"}
	}
	return KeyText(b.String())
}

// FloorBands lists the bands in the order a province's table shows them.
var FloorBands = [...]FloorBand{BandMeets, BandHalf, BandUnderHalf}

// Band returns the band of a village of households against its floor: the
// floor that applies to it (the lower one when it is exempt), so an exempt
// village that reaches its lower floor meets it. A floor of 0 is always met.
func (f VillageFloor) Band(households int) FloorBand {
	switch {
	case households >= f.Floor:
		return BandMeets
	case 2*households >= f.Floor:
		return BandHalf
	}
	return BandUnderHalf
}
