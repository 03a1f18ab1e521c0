package zgw

import (
	"fmt"
	"reflect"
)

// CheckGeoJSON returns what makes v (decoded JSON) no GeoJSON geometry
// (RFC 7946 3.1), or "". PostGIS reads malformed GeoJSON leniently (a
// missing coordinate as 0, an open ring as a ring), so the shape is checked
// here for zaakgeometrie and the _zoek within; validity in the plane
// (self-intersection) is PostGIS's to judge.
func CheckGeoJSON(v any) string { return checkGeoJSON(v, false) }

// checkGeoJSON is CheckGeoJSON; inCollection refuses nested
// GeometryCollections, which RFC 7946 3.1.8 advises against.
func checkGeoJSON(v any, inCollection bool) string {
	obj, ok := v.(map[string]any)
	if !ok {
		return "verwacht een object."
	}
	c := obj["coordinates"]
	switch typ, _ := obj["type"].(string); typ {
	case "Point":
		return checkPosition(c)
	case "MultiPoint":
		return eachOf(c, checkPosition)
	case "LineString":
		return checkLine(c)
	case "MultiLineString":
		return eachOf(c, checkLine)
	case "Polygon":
		return checkPolygon(c)
	case "MultiPolygon":
		return eachOf(c, checkPolygon)
	case "GeometryCollection":
		if inCollection {
			return "een GeometryCollection in een GeometryCollection wordt niet ondersteund."
		}
		return eachOf(obj["geometries"], func(g any) string { return checkGeoJSON(g, true) })
	default:
		return fmt.Sprintf("onbekend geometrietype %q.", typ)
	}
}

// eachOf checks that c is a list whose every element passes check.
func eachOf(c any, check func(any) string) string {
	list, ok := c.([]any)
	if !ok {
		return "verwacht een lijst."
	}
	for _, x := range list {
		if reason := check(x); reason != "" {
			return reason
		}
	}
	return ""
}

// checkPosition checks one position: two or three numbers.
func checkPosition(c any) string {
	pos, ok := c.([]any)
	if !ok || len(pos) < 2 || len(pos) > 3 {
		return "een positie heeft twee of drie coördinaten."
	}
	for _, n := range pos {
		if _, ok := n.(float64); !ok {
			return "een coördinaat is een getal."
		}
	}
	return ""
}

// checkLine checks a line: at least two positions.
func checkLine(c any) string {
	if reason := eachOf(c, checkPosition); reason != "" {
		return reason
	}
	if len(c.([]any)) < 2 {
		return "een lijn heeft minstens twee posities."
	}
	return ""
}

// checkPolygon checks a polygon: rings of at least four positions, each
// ending where it starts.
func checkPolygon(c any) string {
	return eachOf(c, func(ring any) string {
		if reason := eachOf(ring, checkPosition); reason != "" {
			return reason
		}
		pos := ring.([]any)
		if len(pos) < 4 || !reflect.DeepEqual(pos[0], pos[len(pos)-1]) {
			return "een ring heeft minstens vier posities en eindigt waar hij begint."
		}
		return ""
	})
}
