// Package attack holds the hostile-tenant suite: tests that run the real
// `metapass serve` binary as a subprocess and try, over HTTP, what a
// malicious brand, an anonymous caller, a leaked key or a hostile endpoint
// would try. Each test asserts the defended behaviour.
//
// The quick cases run in `make test`; the long ones (large queues, many
// hanging endpoints) run when CI=true or METAPASS_ATTACK_FULL=1, and all of
// them with `make attack`.
package attack
