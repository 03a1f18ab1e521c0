// Package clients keeps the JWT secrets of the registry's clients. Secrets
// stay out of the event log on purpose: a log cannot forget a leaked secret,
// a table can. A client may hold several secrets at once, so that a secret
// is rotated by adding the new one before removing the old.
package clients

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Store reads and writes client secrets in table client_secrets.
type Store struct {
	Pool *pgxpool.Pool
	// TTL is how long a looked-up secret list is cached in process; 0 (or
	// less) caches nothing, and every request looks its secrets up. It is
	// the bound on how long a removed secret keeps working in another
	// process. Writes through this Store forget the cache at once.
	TTL time.Duration

	mu    sync.Mutex
	cache map[string]cached
}

// CacheTTL is how long the Store caches a secret list: TTL, or 0 for not
// at all.
func (s *Store) CacheTTL() time.Duration { return max(s.TTL, 0) }

type cached struct {
	secrets []string
	at      time.Time
}

// Add gives clientID another secret.
func (s *Store) Add(ctx context.Context, clientID, secret string) error {
	if clientID == "" || secret == "" {
		return fmt.Errorf("client id and secret must not be empty")
	}
	_, err := s.Pool.Exec(ctx, `INSERT INTO client_secrets (client_id, secret) VALUES ($1, $2) ON CONFLICT DO NOTHING`, clientID, secret)
	s.forget(clientID)
	return err
}

// Remove takes one secret (or, with secret "", all) from clientID and
// reports how many were removed. This Store forgets them at once; another
// process (a running serve, when the CLI removes) keeps accepting them
// until its cache runs out, for at most its TTL.
func (s *Store) Remove(ctx context.Context, clientID, secret string) (int64, error) {
	tag, err := s.Pool.Exec(ctx, `DELETE FROM client_secrets WHERE client_id = $1 AND ($2 = '' OR secret = $2)`, clientID, secret)
	s.forget(clientID)
	return tag.RowsAffected(), err
}

// ClientSecrets returns the secrets of clientID, newest first; none for an
// unknown client.
func (s *Store) ClientSecrets(ctx context.Context, clientID string) ([]string, error) {
	s.mu.Lock()
	c, ok := s.cache[clientID]
	s.mu.Unlock()
	if ok && time.Since(c.at) < s.CacheTTL() {
		return c.secrets, nil
	}
	rows, err := s.Pool.Query(ctx, `SELECT secret FROM client_secrets WHERE client_id = $1 ORDER BY created_at DESC`, clientID)
	if err != nil {
		return nil, err
	}
	secrets, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	if s.cache == nil {
		s.cache = map[string]cached{}
	}
	s.cache[clientID] = cached{secrets: secrets, at: time.Now()}
	s.mu.Unlock()
	return secrets, nil
}

func (s *Store) forget(clientID string) {
	s.mu.Lock()
	delete(s.cache, clientID)
	s.mu.Unlock()
}
