package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// applicatieCommand gives a client rights on some of the published
// zaaktypen only, through the Autorisaties API with a superuser's JWT: the
// client whose lists the RightsFilter must narrow. Its secret is given with
// "zaakregister client add ID --secret S" (without --superuser).
//
//	zaakload applicatie --url URL --client-id ADMIN --secret S --for ID [--zaaktypen 20]
func applicatieCommand(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("applicatie", flag.ContinueOnError)
	url := fs.String("url", "http://localhost:8000", "where the registry listens")
	clientID := fs.String("client-id", "", "a superuser's client id")
	secret := fs.String("secret", "", "the superuser's secret")
	forID := fs.String("for", "", "client id of the new applicatie")
	n := fs.Int("zaaktypen", 20, "how many published zaaktypen it may read")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if *clientID == "" || *secret == "" || *forID == "" || *n < 1 {
		return fmt.Errorf("%w: --client-id, --secret and --for are required, --zaaktypen positive", errUsage)
	}
	c := newAPIClient(strings.TrimSuffix(*url, "/"), *clientID, *secret, 1)
	zts, err := fetchAll[zaaktypeRef](ctx, c, catalogiRoot+"/zaaktypen?status=definitief", 0)
	if err != nil {
		return err
	}
	if len(zts) < *n {
		return fmt.Errorf("%d published zaaktypen, %d asked for; seed first", len(zts), *n)
	}
	autorisaties := []map[string]any{{"component": "ztc", "scopes": []string{"catalogi.lezen"}}}
	for _, zt := range zts[:*n] {
		autorisaties = append(autorisaties, map[string]any{"component": "zrc", "scopes": []string{"zaken.lezen"},
			"zaaktype": zt.URL, "maxVertrouwelijkheidaanduiding": "zeer_geheim"})
	}
	var created struct {
		URL string `json:"url"`
	}
	if err := c.do(ctx, http.MethodPost, "/autorisaties/api/v1/applicaties", map[string]any{
		"clientIds": []string{*forID}, "label": fmt.Sprintf("zaakload: %d zaaktypen", *n),
		"heeftAlleAutorisaties": false, "autorisaties": autorisaties,
	}, http.StatusCreated, &created); err != nil {
		return err
	}
	fmt.Fprintf(out, "applicatie %s: client %s may read the zaken of %d zaaktypen\n", created.URL, *forID, *n)
	return nil
}
