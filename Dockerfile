# The registry as docker-compose.yml runs it.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -o /zaakregister ./cmd/zaakregister

FROM debian:bookworm-slim
COPY --from=build /zaakregister /usr/local/bin/zaakregister
USER nobody
EXPOSE 8000
ENTRYPOINT ["zaakregister"]
CMD ["serve"]
