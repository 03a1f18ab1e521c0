package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// zakenRoot is the API root of the Zaken API.
const zakenRoot = "/zaken/api/v1"

// runOperations are the operations of a run mix.
var runOperations = []string{"list", "deep", "detail", "detail-fresh", "create", "close", "rollen", "rollen-deep"}

// runConfig is one run of a mix against a serving registry.
type runConfig struct {
	URL, ClientID, Secret string
	Concurrency           int
	Duration              time.Duration
	Mix                   []mixEntry
	PID                   int
	RSSLimitMB            int
	RSIN                  string
	// DeepPage is the page of deep and rollen-deep; 0 means the last page
	// at the start, -1 the middle one (see pageOf).
	DeepPage int
	// Prefetch is how many open zaken close may start with; created ones
	// are added as the run goes.
	Prefetch int
}

// runCommand parses the flags of run, reads what the mix needs from the
// registry, drives the mix and prints the figures.
func runCommand(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	var cfg runConfig
	var mix string
	fs.StringVar(&cfg.URL, "url", "http://localhost:8000", "where the registry listens")
	fs.StringVar(&cfg.ClientID, "client-id", "", "client id of the JWT (zaakregister client add ID --secret S --superuser)")
	fs.StringVar(&cfg.Secret, "secret", "", "the client's secret")
	fs.IntVar(&cfg.Concurrency, "concurrency", 8, "concurrent clients")
	fs.DurationVar(&cfg.Duration, "duration", 30*time.Second, "how long to run")
	fs.StringVar(&mix, "mix", "list=40,deep=10,detail=30,create=10,close=10", "operations and their weights: "+strings.Join(runOperations, ", "))
	fs.IntVar(&cfg.PID, "pid", 0, "process whose resident memory (VmRSS) is sampled, usually the registry's")
	fs.IntVar(&cfg.RSSLimitMB, "rss-limit-mb", 300, "memory bound the sampled maximum is checked against")
	fs.StringVar(&cfg.RSIN, "rsin", "002220647", "bronorganisatie of created zaken")
	fs.IntVar(&cfg.DeepPage, "deep-page", 0, "page number of deep and rollen-deep; 0 the last page, -1 the middle one")
	fs.IntVar(&cfg.Prefetch, "prefetch", 1000, "open zaken fetched for close at the start")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	var err error
	if cfg.Mix, err = parseMix(mix, runOperations...); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if cfg.ClientID == "" || cfg.Secret == "" || cfg.Concurrency < 1 || cfg.Duration <= 0 {
		return fmt.Errorf("%w: --client-id and --secret are required, --concurrency and --duration positive", errUsage)
	}
	cfg.URL = strings.TrimSuffix(cfg.URL, "/")
	c := newAPIClient(cfg.URL, cfg.ClientID, cfg.Secret, cfg.Concurrency)
	l, err := prepareRun(ctx, c, cfg)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "run: %s, %d clients, %v, mix %s; %d zaken, deep page %d, %d zaaktypen, %d open zaken prefetched\n",
		cfg.URL, cfg.Concurrency, cfg.Duration, mix, l.count, l.deepPage, len(l.zaaktypen), len(l.open.zaken))
	var stopRSS func() rssStats
	if cfg.PID > 0 {
		stopRSS = sampleRSS(cfg.PID, 250*time.Millisecond)
	}
	stats := drive(ctx, l.operations(cfg.Mix), cfg.Concurrency, cfg.Duration)
	var rss rssStats
	if stopRSS != nil {
		rss = stopRSS()
	}
	var order []string
	for _, e := range cfg.Mix {
		if e.weight > 0 {
			order = append(order, e.name)
		}
	}
	report(out, order, stats, true)
	if stopRSS != nil {
		printRSS(out, cfg.PID, rss, int64(cfg.RSSLimitMB)<<20)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	failed := 0
	for _, s := range stats {
		failed += s.errors
	}
	if failed > 0 {
		return fmt.Errorf("%d requests failed", failed)
	}
	return nil
}

// The parts of the responses a run reads.
type (
	page[T any] struct {
		Count   int     `json:"count"`
		Next    *string `json:"next"`
		Results []T     `json:"results"`
	}
	zaakRef struct {
		URL      string `json:"url"`
		UUID     string `json:"uuid"`
		Zaaktype string `json:"zaaktype"`
	}
	zaaktypeRef struct {
		URL            string   `json:"url"`
		Concept        bool     `json:"concept"`
		Resultaattypen []string `json:"resultaattypen"`
	}
	statustypeRef struct {
		URL          string `json:"url"`
		Zaaktype     string `json:"zaaktype"`
		IsEindstatus bool   `json:"isEindstatus"`
	}
)

// runZaaktype is a zaaktype zaken can be created and closed with.
type runZaaktype struct {
	url, eindstatus string
	resultaattypen  []string
}

// openZaak is a zaak close may close.
type openZaak struct {
	url      string
	zaaktype *runZaaktype
}

// openZaken is the shared stack of zaken still to close.
type openZaken struct {
	mu    sync.Mutex
	zaken []openZaak
}

func (o *openZaken) push(z openZaak) {
	o.mu.Lock()
	o.zaken = append(o.zaken, z)
	o.mu.Unlock()
}

func (o *openZaken) pop() (openZaak, bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if len(o.zaken) == 0 {
		return openZaak{}, false
	}
	z := o.zaken[len(o.zaken)-1]
	o.zaken = o.zaken[:len(o.zaken)-1]
	return z, true
}

// runState is what the operations of a run draw on.
type runState struct {
	c          *apiClient
	rsin       string
	zaaktypen  []*runZaaktype
	details    []string // zaak uuids
	count      int      // zaken at the start
	deepPage   int
	rollenDeep int // the page of /rollen for rollen-deep
	open       openZaken
}

// prepareRun reads what the operations need: the published zaaktypen with
// their eindstatus and resultaattypen, the number of zaken and the deep
// page, zaak uuids for detail (from page 1 and the deep page) and open
// zaken for close.
func prepareRun(ctx context.Context, c *apiClient, cfg runConfig) (*runState, error) {
	l := &runState{c: c, rsin: cfg.RSIN}
	zts, err := fetchAll[zaaktypeRef](ctx, c, catalogiRoot+"/zaaktypen", 0)
	if err != nil {
		return nil, err
	}
	sts, err := fetchAll[statustypeRef](ctx, c, catalogiRoot+"/statustypen", 0)
	if err != nil {
		return nil, err
	}
	eind := map[string]string{}
	for _, st := range sts {
		if st.IsEindstatus {
			eind[st.Zaaktype] = st.URL
		}
	}
	byURL := map[string]*runZaaktype{}
	for _, zt := range zts {
		if !zt.Concept && eind[zt.URL] != "" && len(zt.Resultaattypen) > 0 {
			z := &runZaaktype{url: zt.URL, eindstatus: eind[zt.URL], resultaattypen: zt.Resultaattypen}
			l.zaaktypen = append(l.zaaktypen, z)
			byURL[z.url] = z
		}
	}
	var first page[zaakRef]
	if err := c.do(ctx, http.MethodGet, zakenRoot+"/zaken", nil, http.StatusOK, &first); err != nil {
		return nil, err
	}
	l.count, l.deepPage = first.Count, pageOf(cfg.DeepPage, first.Count, len(first.Results))
	var deep page[zaakRef]
	if err := c.do(ctx, http.MethodGet, zakenRoot+"/zaken?page="+strconv.Itoa(l.deepPage), nil, http.StatusOK, &deep); err != nil {
		return nil, err
	}
	for _, z := range append(first.Results, deep.Results...) {
		l.details = append(l.details, z.UUID)
	}
	if cfg.Prefetch > 0 {
		open, err := fetchAll[zaakRef](ctx, c, zakenRoot+"/zaken?einddatum__isnull=true", cfg.Prefetch)
		if err != nil {
			return nil, err
		}
		for _, z := range open {
			if zt := byURL[z.Zaaktype]; zt != nil {
				l.open.push(openZaak{url: z.URL, zaaktype: zt})
			}
		}
	}
	if slices.ContainsFunc(cfg.Mix, func(e mixEntry) bool { return e.name == "rollen-deep" && e.weight > 0 }) {
		var rollen page[zaakRef]
		if err := c.do(ctx, http.MethodGet, zakenRoot+"/rollen", nil, http.StatusOK, &rollen); err != nil {
			return nil, err
		}
		l.rollenDeep = pageOf(cfg.DeepPage, rollen.Count, len(rollen.Results))
	}
	for _, e := range cfg.Mix {
		switch {
		case e.weight == 0:
		case strings.HasPrefix(e.name, "detail") && len(l.details) == 0:
			return nil, fmt.Errorf("detail: the registry has no zaken to read; seed first")
		case (e.name == "create" || e.name == "close") && len(l.zaaktypen) == 0:
			return nil, fmt.Errorf("%s: no published zaaktype with an eindstatus and resultaattypen; seed first", e.name)
		}
	}
	return l, nil
}

// operations returns the operations of mix.
func (l *runState) operations(mix []mixEntry) []operation {
	do := map[string]func(context.Context, *rand.Rand) error{
		"list": func(ctx context.Context, _ *rand.Rand) error {
			return l.c.do(ctx, http.MethodGet, zakenRoot+"/zaken", nil, http.StatusOK, nil)
		},
		"deep": func(ctx context.Context, _ *rand.Rand) error {
			return l.c.do(ctx, http.MethodGet, zakenRoot+"/zaken?page="+strconv.Itoa(l.deepPage), nil, http.StatusOK, nil)
		},
		"detail": func(ctx context.Context, rng *rand.Rand) error {
			return l.detail(ctx, rng, nil)
		},
		"detail-fresh": func(ctx context.Context, rng *rand.Rand) error {
			return l.detail(ctx, rng, http.Header{"Cache-Control": {"no-cache"}})
		},
		"create": l.create,
		"close":  l.close,
		"rollen": func(ctx context.Context, _ *rand.Rand) error {
			return l.c.do(ctx, http.MethodGet, zakenRoot+"/rollen", nil, http.StatusOK, nil)
		},
		"rollen-deep": func(ctx context.Context, _ *rand.Rand) error {
			return l.c.do(ctx, http.MethodGet, zakenRoot+"/rollen?page="+strconv.Itoa(l.rollenDeep), nil, http.StatusOK, nil)
		},
	}
	var ops []operation
	for _, e := range mix {
		if e.weight > 0 {
			ops = append(ops, operation{name: e.name, weight: e.weight, do: do[e.name]})
		}
	}
	return ops
}

// detail reads a zaak with status, statustype and resultaat expanded.
func (l *runState) detail(ctx context.Context, rng *rand.Rand, header http.Header) error {
	id := l.details[rng.IntN(len(l.details))]
	return l.c.doWith(ctx, header, http.MethodGet, zakenRoot+"/zaken/"+id+"?expand=status,status.statustype,resultaat", nil, http.StatusOK, nil)
}

// create posts a zaak of a random seeded zaaktype; it joins the zaken to
// close.
func (l *runState) create(ctx context.Context, rng *rand.Rand) error {
	zt := l.zaaktypen[rng.IntN(len(l.zaaktypen))]
	var z zaakRef
	err := l.c.do(ctx, http.MethodPost, zakenRoot+"/zaken", map[string]any{
		"bronorganisatie": l.rsin, "verantwoordelijkeOrganisatie": l.rsin, "zaaktype": zt.url,
		"startdatum": time.Now().Format(time.DateOnly), "omschrijving": "zaakload",
	}, http.StatusCreated, &z)
	if err != nil {
		return err
	}
	l.open.push(openZaak{url: z.URL, zaaktype: zt})
	return nil
}

// close gives an open zaak a resultaat and then its eindstatus: two
// requests, measured as one operation.
func (l *runState) close(ctx context.Context, rng *rand.Rand) error {
	z, ok := l.open.pop()
	if !ok {
		return errSkipped
	}
	err := l.c.do(ctx, http.MethodPost, zakenRoot+"/resultaten", map[string]any{
		"zaak": z.url, "resultaattype": z.zaaktype.resultaattypen[rng.IntN(len(z.zaaktype.resultaattypen))],
	}, http.StatusCreated, nil)
	if err != nil {
		return err
	}
	return l.c.do(ctx, http.MethodPost, zakenRoot+"/statussen", map[string]any{
		"zaak": z.url, "statustype": z.zaaktype.eindstatus, "datumStatusGezet": time.Now().UTC().Format(time.RFC3339),
	}, http.StatusCreated, nil)
}

// fetchAll reads the pages of a list from target, following next, until
// there is none or it has at least limit results (0: no limit).
func fetchAll[T any](ctx context.Context, c *apiClient, target string, limit int) ([]T, error) {
	var out []T
	for target != "" && (limit == 0 || len(out) < limit) {
		var p page[T]
		if err := c.do(ctx, http.MethodGet, target, nil, http.StatusOK, &p); err != nil {
			return nil, err
		}
		out = append(out, p.Results...)
		target = ""
		if p.Next != nil {
			target = *p.Next
		}
	}
	return out, nil
}

// pageOf is the page to read of a list of count items, of which page 1
// held perPage: want itself when positive, else the last page (0) or the
// middle one (negative), at least 1.
func pageOf(want, count, perPage int) int {
	if want > 0 {
		return want
	}
	if perPage == 0 {
		return 1
	}
	last := (count + perPage - 1) / perPage
	if want < 0 {
		return max((last+1)/2, 1)
	}
	return max(last, 1)
}
