package synth

import (
	"sync"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/tables"
)

// Households per village, per vintage, province and kind of village, from
// the counts of village_counts.go and the households of
// calibration_table.go (population sum of each province and commune type
// over the province's 2019 census household size, as [Units] makes them).
//
// First, national rates: households of the communes under which villages
// are thôn (xã, đặc khu) over the national number of thôn, and of those
// with tổ dân phố (phường, thị trấn) over the number of tổ dân phố. At
// these rates a province of H_t and H_d such households would have
// P = H_t/rate_t + H_d/rate_d villages. A province (or the group of
// 2024-11 provinces merged into one) with a published count C has both
// rates divided by k = C / P, so that it gets C villages and keeps the
// national ratio of thôn to tổ dân phố size (assumption: no province split
// was found). The provinces without a count share what the national counts
// leave, thôn and tổ dân phố separately, at one factor each: their
// fallback is the national rate adjusted for the counted provinces, and
// the country as a whole gets the national counts.

// villageRate is the number of households per village for one province.
type villageRate struct {
	Thon, TDP float64 // households per thôn and per tổ dân phố
}

// villageCalib is the village calibration of one vintage.
type villageCalib struct {
	national   villageRate            // rates of the whole country, for units in no known province
	byProvince map[string]villageRate // by GSO province code
}

// villageCalibs are the calibrations by vintage, computed once.
var villageCalibs = sync.OnceValue(func() map[string]*villageCalib {
	out := map[string]*villageCalib{}
	for i := range calibration {
		cv := &calibration[i]
		for _, nat := range villageNationals {
			if nat.Vintage == cv.Vintage {
				out[cv.Vintage] = newVillageCalib(cv, nat)
			}
		}
	}
	return out
})

// villageKindHouseholds returns the households of province p under
// communes whose villages are thôn and under those whose villages are tổ
// dân phố.
func villageKindHouseholds(p *calibProvince) (thon, tdp float64) {
	for _, r := range p.Rows {
		if r.Type == model.TypeUnknown || !r.Pop.HasData || p.HouseholdSize <= 0 {
			continue // the "ALL" row, or no figure
		}
		hh := r.Pop.Sum / p.HouseholdSize
		if villageType(r.Type) == model.ToDanPho {
			tdp += hh
		} else {
			thon += hh
		}
	}
	return thon, tdp
}

// villageType is the type of the villages of a commune of type ty.
func villageType(ty model.UnitType) model.UnitType {
	if ty == model.Phuong || ty == model.ThiTran {
		return model.ToDanPho
	}
	return model.Thon
}

// newVillageCalib calibrates one vintage to its national counts and the
// provinces' counts.
func newVillageCalib(cv *calibVintage, nat villageNational) *villageCalib {
	vc := &villageCalib{byProvince: map[string]villageRate{}}
	ht := map[string]float64{}
	hd := map[string]float64{}
	var sumT, sumD float64
	for i := range cv.Provinces {
		p := &cv.Provinces[i]
		ht[p.Code], hd[p.Code] = villageKindHouseholds(p)
		sumT += ht[p.Code]
		sumD += hd[p.Code]
	}
	vc.national = villageRate{Thon: sumT / float64(nat.Thon), TDP: sumD / float64(nat.TDP)}
	restT, restD := float64(nat.Thon), float64(nat.TDP) // villages left for the uncounted provinces
	predT, predD := sumT/vc.national.Thon, sumD/vc.national.TDP
	for _, c := range villageCounts {
		var pt, pd float64
		for _, code := range c.Provinces[cv.Vintage] {
			pt += ht[code] / vc.national.Thon
			pd += hd[code] / vc.national.TDP
		}
		if pt+pd == 0 {
			continue
		}
		k := float64(c.Villages) / (pt + pd)
		for _, code := range c.Provinces[cv.Vintage] {
			vc.byProvince[code] = villageRate{Thon: vc.national.Thon / k, TDP: vc.national.TDP / k}
		}
		restT -= k * pt
		restD -= k * pd
		predT -= pt
		predD -= pd
	}
	rest := vc.national
	if restT > 0 && restD > 0 {
		rest = villageRate{Thon: vc.national.Thon * predT / restT, TDP: vc.national.TDP * predD / restD}
	}
	for _, p := range cv.Provinces {
		if _, ok := vc.byProvince[p.Code]; !ok {
			vc.byProvince[p.Code] = rest
		}
	}
	return vc
}

// villageRateFor returns the households per village of the province with
// code in the list of vintage; a unit in no known province gets the
// national rates of the vintage.
func villageRateFor(vintage, code string) villageRate {
	vc := villageCalibs()[vintage]
	if vc == nil {
		vc = villageCalibs()[tables.VintagePreReform]
	}
	if r, ok := vc.byProvince[code]; ok {
		return r
	}
	return vc.national
}

// listVintage is the vintage of a unit list: cfg.Vintage when set (the
// generator's lists); else, for a list read from a file, 2024-11 when it
// has districts and 2025-07 when it has provinces but no districts (the
// two GSO lists are so; the 2025-07 list's households are larger, see
// tables.ReadUnits, so the vintage matters), and 2024-11 otherwise.
func listVintage(units []model.Unit, cfg Config) string {
	if cfg.Vintage != "" {
		return cfg.Vintage
	}
	provinces := false
	for i := range units {
		switch units[i].Level {
		case model.District:
			return tables.VintagePreReform
		case model.Province:
			provinces = true
		}
	}
	if provinces {
		return tables.VintagePostReform
	}
	return tables.VintagePreReform
}

// provinceOf maps each commune of units to the code of its province: the
// top of its chain of parents, whether or not that unit is in the list.
func provinceOf(units []model.Unit) map[string]string {
	byCode := make(map[string]*model.Unit, len(units))
	for i := range units {
		byCode[units[i].Code] = &units[i]
	}
	out := map[string]string{}
	for i := range units {
		u := &units[i]
		if u.Level != model.Commune {
			continue
		}
		code := u.Parent
		for steps := 0; code != "" && steps < 8; steps++ {
			p, ok := byCode[code]
			if !ok || p.Level == model.Province || p.Parent == "" {
				break // the top, in the list or not
			}
			code = p.Parent
		}
		out[u.Code] = code
	}
	return out
}
