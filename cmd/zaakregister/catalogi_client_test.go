package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// ztcClient is a client of a running registry that many goroutines may
// share: unlike registry.do it returns its failures instead of ending the
// test, which only the test's own goroutine may do. It keeps its
// connections alive across goroutines and counts its requests.
type ztcClient struct {
	root     string // http://host:port
	token    string
	http     *http.Client
	requests atomic.Int64
}

func newZtcClient(tb testing.TB, root, token string) *ztcClient {
	tr := &http.Transport{MaxIdleConns: 128, MaxIdleConnsPerHost: 128, IdleConnTimeout: time.Minute}
	tb.Cleanup(tr.CloseIdleConnections)
	return &ztcClient{root: root, token: token, http: &http.Client{Transport: tr, Timeout: time.Minute}}
}

// send sends a request and returns the body of the answer, or an error
// unless it answered status want.
func (c *ztcClient) send(ctx context.Context, method, path string, body any, want int) ([]byte, error) {
	var rd io.Reader
	if body != nil {
		data, err := json.Marshal(body)
		if err != nil {
			return nil, err
		}
		rd = bytes.NewReader(data)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.root+path, rd)
	if err != nil {
		return nil, err
	}
	if rd != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	c.requests.Add(1)
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != want {
		return data, fmt.Errorf("%s %s: status %d, want %d: %s", method, path, resp.StatusCode, want, data)
	}
	return data, nil
}

// get GETs path and decodes its 200 answer into out.
func (c *ztcClient) get(ctx context.Context, path string, out any) error {
	data, err := c.send(ctx, "GET", path, nil, http.StatusOK)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, out); err != nil {
		return fmt.Errorf("GET %s: %w", path, err)
	}
	return nil
}

// create POSTs body to a Catalogi collection and returns the url of the
// new object.
func (c *ztcClient) create(ctx context.Context, collection string, body map[string]any) (string, error) {
	data, err := c.send(ctx, "POST", catalogiRoot+"/"+collection, body, http.StatusCreated)
	if err != nil {
		return "", err
	}
	var created struct{ URL string }
	if err := json.Unmarshal(data, &created); err != nil || !strings.HasPrefix(created.URL, testBaseURL+catalogiRoot+"/"+collection+"/") {
		return "", fmt.Errorf("POST %s: no url in %s (%v)", collection, data, err)
	}
	return created.URL, nil
}

// publish publishes the versioned type at url.
func (c *ztcClient) publish(ctx context.Context, url string) error {
	_, err := c.send(ctx, "POST", catalogiPath(url)+"/publish", map[string]any{}, http.StatusOK)
	return err
}

// listPage is one page of a Catalogi list with results of type T.
type listPage[T any] struct {
	Count   int     `json:"count"`
	Next    *string `json:"next"`
	Results []T     `json:"results"`
}

// listAll GETs every page of a Catalogi list from path on and returns the
// count the first page gives and all results.
func listAll[T any](ctx context.Context, c *ztcClient, path string) (int, []T, error) {
	var results []T
	count := -1
	for path != "" {
		var p listPage[T]
		if err := c.get(ctx, path, &p); err != nil {
			return 0, nil, err
		}
		if count < 0 {
			count = p.Count
		}
		results = append(results, p.Results...)
		path = ""
		if p.Next != nil {
			path = catalogiPath(*p.Next)
		}
	}
	return count, results, nil
}

// inParallel runs job(i) for every i in [0, n) on at most workers
// goroutines. After a failure no new job starts; the failures are
// returned joined, without those of jobs cancelled by the first.
func inParallel(ctx context.Context, workers, n int, job func(ctx context.Context, i int) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	next := make(chan int)
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		errs []error
	)
	for range min(workers, n) {
		wg.Go(func() {
			for i := range next {
				err := job(ctx, i)
				if err == nil || (ctx.Err() != nil && errors.Is(err, context.Canceled)) {
					continue
				}
				mu.Lock()
				errs = append(errs, err)
				mu.Unlock()
				cancel()
			}
		})
	}
feed:
	for i := range n {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	return errors.Join(errs...)
}
