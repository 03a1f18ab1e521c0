package server

import (
	"net/http"

	"github.com/zaakregister/zaakregister/commands"
	"github.com/zaakregister/zaakregister/referentielijsten"
	"github.com/zaakregister/zaakregister/zgw"
)

// referentielijstenAPI mounts the built-in Referentielijsten API.
func referentielijstenAPI(cfg Config, _ commands.Base) (*zgw.API, http.Handler, error) {
	return referentielijsten.NewAPI(cfg.BaseURL, cfg.Lijsten)
}
