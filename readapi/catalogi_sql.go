package readapi

import "fmt"

// The SQL the Catalogi resources share. Tables live in schema ztc, named in
// full because reads run with the default search_path. Placeholders $1
// and $2 are those of filter: the date relations are resolved on, and
// datumGeldigheid.

// validOn is the condition that the version in alias is valid on date: both
// ends inclusive, an empty begin or end unbounded.
func validOn(alias, date string) string {
	return fmt.Sprintf(`((%[1]s.begin_geldigheid IS NULL OR %[1]s.begin_geldigheid <= %[2]s)
		AND (%[1]s.einde_geldigheid IS NULL OR %[1]s.einde_geldigheid >= %[2]s))`, alias, date)
}

// published is the condition that the version in alias is published and
// valid on $1: what a reference by name shows (RULES 7, historiemodel).
func published(alias string) string {
	return "(NOT " + alias + ".concept AND " + validOn(alias, "$1") + ")"
}

// inGeldigheid is the condition that the sub-type in alias is valid on the
// request's datumGeldigheid, or true without one.
func inGeldigheid(alias string) string {
	return "($2::date IS NULL OR " + validOn(alias, "$2::date") + ")"
}

// resolved is the uuid list (as text[]) of the versions in table that the
// references of owner point at: by name (key = any of owner.names, in
// owner's catalogus, published and valid on $1) or by URL (uuid = any of
// owner.uuids). Name order first, then begin of validity.
func resolved(table, key, owner, names, uuids string) string {
	return fmt.Sprintf(`array(SELECT x.uuid::text FROM ztc.%[1]s x
		WHERE (x.catalogus = %[3]s.catalogus AND x.%[2]s = ANY(%[3]s.%[4]s) AND %[6]s) OR x.uuid = ANY(%[3]s.%[5]s)
		ORDER BY array_position(%[3]s.%[4]s, x.%[2]s), x.begin_geldigheid, x.uuid)`,
		table, key, owner, names, uuids, published("x"))
}

// omschrijvingen is the sorted text[] of the omschrijvingen owner refers to
// in table: the names it gives and those of the versions it names by URL.
func omschrijvingen(table, owner, names, uuids string) string {
	return fmt.Sprintf(`array(SELECT n FROM (SELECT unnest(%[2]s.%[3]s) UNION
		SELECT x.omschrijving FROM ztc.%[1]s x WHERE x.uuid = ANY(%[2]s.%[4]s)) AS u(n) ORDER BY n)`,
		table, owner, names, uuids)
}

// referrers is a FROM of the objects in table, under alias, whose
// references (columns names and uuids) point at the version target (an
// alias with catalogus, omschrijving and uuid): by omschrijving in its
// catalogus, or by URL. Each reference column has its own index; the
// union lets both be used.
func referrers(table, alias, names, uuids, target string) string {
	return fmt.Sprintf(`(SELECT x.uuid FROM ztc.%[1]s x WHERE x.catalogus = %[5]s.catalogus AND x.%[3]s @> ARRAY[%[5]s.omschrijving]
		UNION SELECT x.uuid FROM ztc.%[1]s x WHERE x.%[4]s @> ARRAY[%[5]s.uuid]) AS ref
		JOIN ztc.%[1]s %[2]s ON %[2]s.uuid = ref.uuid`, table, alias, names, uuids, target)
}

// uuidsOf is the text[] of the uuids in table meeting cond, in creation
// order.
func uuidsOf(table, alias, cond string) string {
	return uuidsFrom("ztc."+table+" "+alias, alias, cond)
}

// uuidsFrom is uuidsOf for any FROM in which alias is the object.
func uuidsFrom(from, alias, cond string) string {
	return fmt.Sprintf(`array(SELECT %[2]s.uuid::text FROM %[1]s WHERE %[3]s
		ORDER BY %[2]s.created_commit, %[2]s.created_prepare)`, from, alias, cond)
}

// object is a lateral join "obj" with begin_object and einde_object: the
// first begin and last end of validity of all versions in table that share
// key with alias in its catalogus. An open end anywhere leaves the object
// open.
func object(table, alias, key string) string {
	return fmt.Sprintf(` LEFT JOIN LATERAL (SELECT min(v.begin_geldigheid)::text AS begin_object,
		CASE WHEN bool_or(v.einde_geldigheid IS NULL) THEN NULL ELSE max(v.einde_geldigheid)::text END AS einde_object
		FROM ztc.%[1]s v WHERE v.catalogus = %[2]s.catalogus AND v.%[3]s = %[2]s.%[3]s) obj ON true`, table, alias, key)
}

// subtypeJoins join a sub-type (alias s or t) with its zaaktype z, whose
// status, identificatie and validity the filters use.
func subtypeJoins(alias string) string {
	return " JOIN ztc.zaaktypen z ON z.uuid = " + alias + ".zaaktype"
}

// subtypeObject is the object of a sub-type: that of its zaaktype (a
// sub-type is part of one zaaktype version, so it exists as long as the
// zaaktype does).
var subtypeObject = object("zaaktypen", "z", "identificatie")

// subtypeColumns are the first columns of every sub-type: uuid, zaaktype,
// catalogus, zaaktype identificatie, data, begin and end of the object, and
// the zaaktype version's own begin and end of validity.
func subtypeColumns(alias string) string {
	return alias + ".uuid::text, " + alias + ".zaaktype::text, " + alias + ".catalogus::text, z.identificatie, " +
		alias + ".data, obj.begin_object, obj.einde_object, z.begin_geldigheid::text, z.einde_geldigheid::text"
}

// createdOrder orders alias by creation.
func createdOrder(alias string) string {
	return alias + ".created_commit, " + alias + ".created_prepare, " + alias + ".uuid"
}
