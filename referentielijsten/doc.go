// Package referentielijsten serves the Referentielijsten API ("vrl API"
// 0.6.0) of VNG Realisatie from data embedded in the binary: the
// procestypen and resultaten of the Gemeentelijke Selectielijst (2017 and
// 2020 editions), the generieke resultaattypeomschrijvingen and the
// communicatiekanalen. Catalogi refer to these resources by URL
// (zaaktype.selectielijstProcestype, resultaattype.selectielijstklasse), so
// the registry serves them itself instead of depending on VNG's public
// service.
//
// The data is read-only and public: Load decodes it once into Lijsten,
// whose lookups and filters the HTTP Handlers answer from. See
// data/NOTICE.md for the origin and licence of the data.
package referentielijsten
