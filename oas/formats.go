package oas

import (
	"errors"
	"regexp"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/zaakregister/zaakregister/domain"
)

var (
	uuidPattern = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
	// durationPattern is an ISO 8601 duration (RULES 2.1): P1Y, P30D, PT1H30M.
	durationPattern = regexp.MustCompile(`^-?P(?:\d+(?:[.,]\d+)?Y)?(?:\d+(?:[.,]\d+)?M)?(?:\d+(?:[.,]\d+)?W)?(?:\d+(?:[.,]\d+)?D)?(?:T(?:\d+(?:[.,]\d+)?H)?(?:\d+(?:[.,]\d+)?M)?(?:\d+(?:[.,]\d+)?S)?)?$`)
	emailPattern    = regexp.MustCompile(openapi3.FormatOfStringForEmail)
)

// FormatOptions returns the string formats the ZGW specifications use
// beyond kin-openapi's built-in date and date-time, scoped to one
// validation rather than registered globally.
func FormatOptions() []openapi3.SchemaValidationOption {
	return []openapi3.SchemaValidationOption{
		openapi3.WithStringFormatValidator("uri", openapi3.NewCallbackValidator(validURI)),
		openapi3.WithStringFormatValidator("uuid", openapi3.NewCallbackValidator(func(s string) error {
			return matches(uuidPattern, s, "not a UUID")
		})),
		openapi3.WithStringFormatValidator("duration", openapi3.NewCallbackValidator(validDuration)),
		openapi3.WithStringFormatValidator("email", openapi3.NewCallbackValidator(func(s string) error {
			if s == "" {
				return nil // blank e-mail fields render as "" in the reference implementation
			}
			return matches(emailPattern, s, "not an e-mail address")
		})),
	}
}

// validURI accepts an absolute http or https URL with a host
// (domain.HTTPURL), or "": the reference implementations render an unset
// URL field (not nullable in the OAS) as an empty string. Every other
// scheme is refused, also where the OAS would allow it, since clients
// render these fields as links (javascript:, data:) or follow them.
func validURI(s string) error {
	if s != "" && domain.URLFault(s) != "" {
		return errors.New("not an absolute http(s) URL")
	}
	return nil
}

func validDuration(s string) error {
	if s == "" || s == "P" || s == "-P" || s[len(s)-1] == 'T' || !durationPattern.MatchString(s) {
		return errors.New("not an ISO 8601 duration")
	}
	return nil
}

func matches(re *regexp.Regexp, s, reason string) error {
	if !re.MatchString(s) {
		return errors.New(reason)
	}
	return nil
}
