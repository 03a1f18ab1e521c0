# The two commands of README.md: `make run` starts a working registry,
# `make test` runs every test. Both install missing dependencies first.
.PHONY: run test vet bench deps build

deps:
	@scripts/deps

build: deps
	go build -o bin/zaakregister ./cmd/zaakregister

run: build
	bin/zaakregister serve

vet:
	test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); exit 1; }
	go vet ./...

test: deps vet
	go test -count=1 -timeout 30m ./...

bench: deps
	go test -run XXX -bench . -benchtime 3s ./eventstore/postgres ./projections
