// Package readapi serves the GET endpoints of the ZGW APIs from the
// PostgreSQL read models that the projections keep: filters, pagination,
// ETags and the rendering that the write endpoints reuse for their answers.
// It never loads aggregates.
package readapi

// pageSize is the number of results on one page of every paginated list.
const pageSize = 100
