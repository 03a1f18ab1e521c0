package readapi

import (
	"bytes"
	"encoding/json"
)

// The polymorphic parts of Rol and ZaakObject (betrokkeneIdentificatie,
// objectIdentificatie, contactpersoonRol, ...) are kept as the JSON the
// client sent. A shape renders such JSON as the OAS sub-schema has it:
// every property of the schema, in its order, with the client's value where
// it has the schema's type and otherwise the empty value ("" for a text, 0
// for a number, [] for a list, null for a nullable object); properties the
// schema does not have are left out. So a response always has the
// schema's shape, whatever the client left out.

// propKind is how one property renders.
type propKind int

const (
	kindText       propKind = iota // a string
	kindNumber                     // an integer
	kindTexts                      // a list of strings
	kindObject                     // an object, always present
	kindNullObject                 // an object or null
	kindFree                       // any JSON object, {} when absent
)

// prop is one property of an object schema.
type prop struct {
	name string
	kind propKind
	sub  shape
}

// shape is an object schema: its properties in order.
type shape []prop

func textProp(name string) prop                { return prop{name: name, kind: kindText} }
func numberProp(name string) prop              { return prop{name: name, kind: kindNumber} }
func textsProp(name string) prop               { return prop{name: name, kind: kindTexts} }
func objectProp(name string, s shape) prop     { return prop{name: name, kind: kindObject, sub: s} }
func nullObjectProp(name string, s shape) prop { return prop{name: name, kind: kindNullObject, sub: s} }
func freeProp(name string) prop                { return prop{name: name, kind: kindFree} }

// render returns raw in shape s; anything but a JSON object renders as an
// object with every property empty.
func (s shape) render(raw []byte) json.RawMessage {
	var fields map[string]json.RawMessage
	if isObject(raw) {
		_ = json.Unmarshal(raw, &fields)
	}
	var b bytes.Buffer
	b.WriteByte('{')
	for i, p := range s {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`"` + p.name + `":`)
		b.Write(p.value(fields[p.name]))
	}
	b.WriteByte('}')
	return b.Bytes()
}

// renderNullable is render, or null when raw is no JSON object (absent,
// null): a nullable gegevensgroep that was not sent.
func (s shape) renderNullable(raw []byte) json.RawMessage {
	if !isObject(raw) {
		return json.RawMessage("null")
	}
	return s.render(raw)
}

// value renders the client's raw value of p.
func (p prop) value(raw json.RawMessage) []byte {
	switch p.kind {
	case kindNumber:
		var n json.Number
		if json.Unmarshal(raw, &n) != nil || n == "" {
			return []byte("0")
		}
		return []byte(n)
	case kindTexts:
		var list []string
		if json.Unmarshal(raw, &list) != nil || list == nil {
			list = []string{}
		}
		return jsonValue(list)
	case kindObject:
		return p.sub.render(raw)
	case kindNullObject:
		return p.sub.renderNullable(raw)
	case kindFree:
		if !isObject(raw) {
			return []byte("{}")
		}
		var b bytes.Buffer
		if json.Compact(&b, raw) != nil {
			return []byte("{}")
		}
		return b.Bytes()
	default:
		var s string
		if json.Unmarshal(raw, &s) != nil {
			s = ""
		}
		return jsonValue(s)
	}
}

// isObject reports whether raw is a JSON object.
func isObject(raw []byte) bool {
	raw = bytes.TrimSpace(raw)
	return len(raw) > 0 && raw[0] == '{'
}

// jsonValue marshals a string or a list of strings, which always
// marshal, as marshalPlain does.
func jsonValue(v any) []byte {
	b, _ := marshalPlain(v)
	return b
}

// marshalPlain marshals v without HTML escaping, as zgw renders every
// response body, so that a part rendered here reads the same as the rest.
func marshalPlain(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// The sub-schemas of zaken-1.5.1, named after their components.

var shapeVerblijfsAdres = shape{textProp("aoaIdentificatie"), textProp("wplWoonplaatsNaam"), textProp("gorOpenbareRuimteNaam"),
	textProp("aoaPostcode"), numberProp("aoaHuisnummer"), textProp("aoaHuisletter"), textProp("aoaHuisnummertoevoeging"),
	textProp("inpLocatiebeschrijving")}

var shapeSubVerblijfBuitenland = shape{textProp("lndLandcode"), textProp("lndLandnaam"), textProp("subAdresBuitenland_1"),
	textProp("subAdresBuitenland_2"), textProp("subAdresBuitenland_3")}

var shapeRolNatuurlijkPersoon = shape{textProp("inpBsn"), textProp("anpIdentificatie"), textProp("inpA_nummer"),
	textProp("geslachtsnaam"), textProp("voorvoegselGeslachtsnaam"), textProp("voorletters"), textProp("voornamen"),
	textProp("geslachtsaanduiding"), textProp("geboortedatum"), nullObjectProp("verblijfsadres", shapeVerblijfsAdres),
	nullObjectProp("subVerblijfBuitenland", shapeSubVerblijfBuitenland)}

var shapeRolNietNatuurlijkPersoon = shape{textProp("innNnpId"), textProp("annIdentificatie"), textProp("statutaireNaam"),
	textProp("innRechtsvorm"), textProp("bezoekadres"), nullObjectProp("subVerblijfBuitenland", shapeSubVerblijfBuitenland)}

var shapeRolVestiging = shape{textProp("vestigingsNummer"), textsProp("handelsnaam"),
	nullObjectProp("verblijfsadres", shapeVerblijfsAdres), nullObjectProp("subVerblijfBuitenland", shapeSubVerblijfBuitenland),
	textProp("kvkNummer")}

var shapeRolOrganisatorischeEenheid = shape{textProp("identificatie"), textProp("naam"), textProp("isGehuisvestIn")}

var shapeRolMedewerker = shape{textProp("identificatie"), textProp("achternaam"), textProp("voorletters"),
	textProp("voorvoegselAchternaam")}

var shapeContactPersoonRol = shape{textProp("emailadres"), textProp("functie"), textProp("telefoonnummer"), textProp("naam")}

var shapeObjectTypeOverigeDefinitie = shape{textProp("url"), textProp("schema"), textProp("objectData")}

var shapeObjectAdres = shape{textProp("identificatie"), textProp("wplWoonplaatsNaam"), textProp("gorOpenbareRuimteNaam"),
	numberProp("huisnummer"), textProp("huisletter"), textProp("huisnummertoevoeging"), textProp("postcode")}

var shapeObjectBuurt = shape{textProp("buurtCode"), textProp("buurtNaam"), textProp("gemGemeenteCode"), textProp("wykWijkCode")}

var shapeObjectGemeente = shape{textProp("gemeenteNaam"), textProp("gemeenteCode")}

var shapeObjectGemeentelijkeOpenbareRuimte = shape{textProp("identificatie"), textProp("openbareRuimteNaam")}

var shapeTerreinGebouwdObjectAdres = shape{textProp("numIdentificatie"), textProp("oaoIdentificatie"),
	textProp("wplWoonplaatsNaam"), textProp("gorOpenbareRuimteNaam"), textProp("aoaPostcode"), numberProp("aoaHuisnummer"),
	textProp("aoaHuisletter"), textProp("aoaHuisnummertoevoeging"), textProp("ogoLocatieAanduiding")}

var shapeObjectTerreinGebouwdObject = shape{textProp("identificatie"),
	nullObjectProp("adresAanduidingGrp", shapeTerreinGebouwdObjectAdres)}

var shapeObjectHuishouden = shape{textProp("nummer"), nullObjectProp("isGehuisvestIn", shapeObjectTerreinGebouwdObject)}

// shapeTypeIdentificatieNaam is the schema of inrichtingselement,
// kunstwerkdeel, spoorbaandeel, terreindeel and wegdeel.
var shapeTypeIdentificatieNaam = shape{textProp("type"), textProp("identificatie"), textProp("naam")}

var shapeObjectKadastraleOnroerendeZaak = shape{textProp("kadastraleIdentificatie"), textProp("kadastraleAanduiding")}

var shapeObjectMaatschappelijkeActiviteit = shape{textProp("kvkNummer"), textProp("handelsnaam")}

var shapeObjectOpenbareRuimte = shape{textProp("identificatie"), textProp("wplWoonplaatsNaam"), textProp("gorOpenbareRuimteNaam")}

var shapeObjectOverige = shape{freeProp("overigeData")}

var shapeObjectPand = shape{textProp("identificatie")}

var shapeObjectWaterdeel = shape{textProp("typeWaterdeel"), textProp("identificatie"), textProp("naam")}

var shapeObjectWijk = shape{textProp("wijkCode"), textProp("wijkNaam"), textProp("gemGemeenteCode")}

var shapeObjectWoonplaats = shape{textProp("identificatie"), textProp("woonplaatsNaam")}

var shapeWozObjectAdres = shape{textProp("aoaIdentificatie"), textProp("wplWoonplaatsNaam"), textProp("gorOpenbareRuimteNaam"),
	textProp("aoaPostcode"), numberProp("aoaHuisnummer"), textProp("aoaHuisletter"), textProp("aoaHuisnummertoevoeging"),
	textProp("locatieOmschrijving")}

var shapeObjectWozObject = shape{textProp("wozObjectNummer"), nullObjectProp("aanduidingWozObject", shapeWozObjectAdres)}

var shapeObjectWozDeelobject = shape{textProp("nummerWozDeelObject"), objectProp("isOnderdeelVan", shapeObjectWozObject)}

var shapeObjectWozWaarde = shape{textProp("waardepeildatum"), objectProp("isVoor", shapeObjectWozObject)}

var shapeZakelijkRechtHeeftAlsGerechtigde = shape{objectProp("natuurlijkPersoon", shapeRolNatuurlijkPersoon),
	objectProp("nietNatuurlijkPersoon", shapeRolNietNatuurlijkPersoon)}

var shapeObjectZakelijkRecht = shape{textProp("identificatie"), textProp("avgAard"),
	objectProp("heeftBetrekkingOp", shapeObjectKadastraleOnroerendeZaak),
	objectProp("heeftAlsGerechtigde", shapeZakelijkRechtHeeftAlsGerechtigde)}

// betrokkeneShapes are the betrokkeneIdentificatie schemas per
// betrokkeneType, of a Rol and of a ZaakObject of such an objectType.
var betrokkeneShapes = map[string]shape{
	"natuurlijk_persoon":       shapeRolNatuurlijkPersoon,
	"niet_natuurlijk_persoon":  shapeRolNietNatuurlijkPersoon,
	"vestiging":                shapeRolVestiging,
	"organisatorische_eenheid": shapeRolOrganisatorischeEenheid,
	"medewerker":               shapeRolMedewerker,
}

// objectShapes are the objectIdentificatie schemas per objectType of a
// ZaakObject; besluit, enkelvoudig_document and status have none.
var objectShapes = map[string]shape{
	"adres":                         shapeObjectAdres,
	"buurt":                         shapeObjectBuurt,
	"gemeente":                      shapeObjectGemeente,
	"gemeentelijke_openbare_ruimte": shapeObjectGemeentelijkeOpenbareRuimte,
	"huishouden":                    shapeObjectHuishouden,
	"inrichtingselement":            shapeTypeIdentificatieNaam,
	"kadastrale_onroerende_zaak":    shapeObjectKadastraleOnroerendeZaak,
	"kunstwerkdeel":                 shapeTypeIdentificatieNaam,
	"maatschappelijke_activiteit":   shapeObjectMaatschappelijkeActiviteit,
	"medewerker":                    shapeRolMedewerker,
	"natuurlijk_persoon":            shapeRolNatuurlijkPersoon,
	"niet_natuurlijk_persoon":       shapeRolNietNatuurlijkPersoon,
	"openbare_ruimte":               shapeObjectOpenbareRuimte,
	"organisatorische_eenheid":      shapeRolOrganisatorischeEenheid,
	"pand":                          shapeObjectPand,
	"spoorbaandeel":                 shapeTypeIdentificatieNaam,
	"terreindeel":                   shapeTypeIdentificatieNaam,
	"terrein_gebouwd_object":        shapeObjectTerreinGebouwdObject,
	"vestiging":                     shapeRolVestiging,
	"waterdeel":                     shapeObjectWaterdeel,
	"wegdeel":                       shapeTypeIdentificatieNaam,
	"wijk":                          shapeObjectWijk,
	"woonplaats":                    shapeObjectWoonplaats,
	"woz_deelobject":                shapeObjectWozDeelobject,
	"woz_object":                    shapeObjectWozObject,
	"woz_waarde":                    shapeObjectWozWaarde,
	"zakelijk_recht":                shapeObjectZakelijkRecht,
	"overige":                       shapeObjectOverige,
}
