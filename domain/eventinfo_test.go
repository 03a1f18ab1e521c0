package domain_test

import (
	"strings"
	"testing"

	"github.com/zaakregister/zaakregister/domain"
)

type gebeurd struct {
	Wat string `json:"wat"`
}

func (gebeurd) EventType() string  { return "test.iets.gebeurd" }
func (gebeurd) SchemaVersion() int { return 1 }

var gebeurdInfo = domain.EventInfo{Type: "test.iets.gebeurd", Version: 1, New: func() domain.Event { return gebeurd{} }}

func TestEventTypes_Decode(t *testing.T) {
	types := domain.NewEventTypes("test", []domain.EventInfo{gebeurdInfo})
	t.Run("ListedType", func(t *testing.T) {
		e, err := types.Decode("test.iets.gebeurd", []byte(`{"wat":"x"}`))
		if err != nil {
			t.Fatal(err)
		}
		if g, ok := e.(gebeurd); !ok || g.Wat != "x" {
			t.Errorf("decoded %#v, want gebeurd{Wat: \"x\"} as a value", e)
		}
	})
	t.Run("ErrUnknownType", func(t *testing.T) {
		_, err := types.Decode("test.iets.anders", []byte(`{}`))
		if err == nil || err.Error() != `test: unknown event type "test.iets.anders"` {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("ErrBadData", func(t *testing.T) {
		_, err := types.Decode("test.iets.gebeurd", []byte(`{"wat":1}`))
		if err == nil || !strings.HasPrefix(err.Error(), "test: decode test.iets.gebeurd: ") {
			t.Errorf("err = %v", err)
		}
	})
}

func TestNewEventTypes_PanicsOnDuplicate(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("a type listed twice did not panic")
		}
	}()
	domain.NewEventTypes("test", []domain.EventInfo{gebeurdInfo, gebeurdInfo})
}
