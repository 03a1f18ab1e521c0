// Package catalogi is the domain of the Catalogi API 1.3.1: the Catalogus,
// the Zaaktype with all its sub-types (statustypen, roltypen,
// resultaattypen, eigenschappen, zaakobjecttypen and
// zaaktype-informatieobjecttypen) in one aggregate, the Informatieobjecttype
// and the Besluittype, and the Versies aggregate that keeps the validity
// periods of the published versions of one type apart (ztc-016).
//
// Aggregates decide; they never fetch. Anything outside their own stream
// (a Selectielijst resultaat, whether a related besluittype is published,
// which catalogus a reference belongs to) arrives as already-resolved facts.
// Every event carries the full state of the (sub)resource it changed and the
// catalogus uuid, so projections, the audit trail and the notification
// kenmerken need no merge logic.
package catalogi
