package server

import (
	"net/http"

	"github.com/zaakregister/zaakregister/commands"
	"github.com/zaakregister/zaakregister/referentielijsten"
	"github.com/zaakregister/zaakregister/zgw"
)

// referentielijstenAPI mounts the built-in Referentielijsten API.
func referentielijstenAPI(cfg Config, _ commands.Base) (*zgw.API, http.Handler, error) {
	api, h, err := referentielijsten.NewAPI(cfg.BaseURL, cfg.Lijsten)
	if api != nil {
		api.Aliases = cfg.Aliases
	}
	return api, h, err
}
