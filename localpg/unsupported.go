//go:build !unix

package localpg

import (
	"context"
	"errors"
	"log/slog"
)

func ensure(context.Context, string, *slog.Logger, options) (string, func(), error) {
	return "", nil, errors.New("localpg: a private PostgreSQL server needs a Unix-like system; give a database URL instead")
}
