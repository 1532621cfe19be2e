package httpapi

import (
	"errors"
	"math"
	"math/big"
	"regexp"
	"strconv"

	"github.com/ethereum/go-ethereum/common"
	"github.com/gofiber/fiber/v2"

	"github.com/metapass/metapass"
	"github.com/metapass/metapass/passes"
)

func (s *Server) listPasses(c *fiber.Ctx) error {
	owner, err := optionalQuery(c, "owner")
	if err != nil {
		return err
	}
	if owner != "" {
		if owner, err = address("owner", owner); err != nil {
			return err
		}
	}
	launchID, err := optionalQuery(c, "launch_id")
	if err != nil {
		return err
	}
	limit, err := queryInt(c, "limit", 100, 1, 1000)
	if err != nil {
		return err
	}
	ps, err := s.Passes.ListPasses(c.UserContext(), principal(c).BrandID, passes.PassFilter{
		Recipient: owner, LaunchID: launchID, Limit: limit,
	})
	if err != nil {
		return err
	}
	return c.JSON(list(ps))
}

// optionalQuery returns the query parameter name, "" when it is absent; a
// parameter given empty (owner=) is a 400, not "no filter".
func optionalQuery(c *fiber.Ctx, name string) (string, error) {
	args := c.Context().QueryArgs()
	if !args.Has(name) {
		return "", nil
	}
	v := string(args.Peek(name))
	if v == "" {
		return "", invalid(name, "must not be empty; leave the parameter out instead")
	}
	return v, nil
}

// hexAddress is the form of an address in a path or query parameter, as
// the OpenAPI document states it: 0x (or 0X) and 40 hex digits of any case.
var hexAddress = regexp.MustCompile(`^0[xX][0-9a-fA-F]{40}$`)

// address checks an address parameter and returns it EIP-55 checksummed.
func address(field, s string) (string, error) {
	if !hexAddress.MatchString(s) {
		return "", invalid(field, "must be 0x and 40 hex digits")
	}
	return common.HexToAddress(s).Hex(), nil
}

// tokenPath parses the :chain/:contract/:token path parameters; token is
// a pass's ERC-721 token id on chain or its edition number, in decimal. A
// well-formed chain id or token id that no launch can have (beyond int64,
// beyond uint256) is not found rather than invalid.
func tokenPath(c *fiber.Ctx, withToken bool) (chainID uint64, contract string, token string, err error) {
	if chainID, err = strconv.ParseUint(c.Params("chain"), 10, 64); err != nil {
		if errors.Is(err, strconv.ErrRange) {
			return 0, "", "", metapass.Errorf(metapass.ENOTFOUND, "no collection on chain %s", c.Params("chain"))
		}
		return 0, "", "", invalid("chain", "must be a decimal chain id")
	}
	if chainID > math.MaxInt64 {
		return 0, "", "", metapass.Errorf(metapass.ENOTFOUND, "no collection on chain %d", chainID)
	}
	if contract, err = address("contract", c.Params("contract")); err != nil {
		return 0, "", "", err
	}
	if withToken {
		raw := c.Params("token")
		n, ok := new(big.Int).SetString(raw, 10)
		if !ok || raw[0] == '+' || raw[0] == '-' {
			return 0, "", "", invalid("token_id", "must be a decimal token id (uint256) or edition number")
		}
		if n.BitLen() > 256 {
			return 0, "", "", metapass.Errorf(metapass.ENOTFOUND, "token %s not found", raw)
		}
		token = n.String()
	}
	return chainID, contract, token, nil
}

func (s *Server) getPass(c *fiber.Ctx) error {
	chainID, contract, token, err := tokenPath(c, true)
	if err != nil {
		return err
	}
	d, err := s.Passes.GetPass(c.UserContext(), s.Owners, principal(c).BrandID, chainID, contract, token)
	if err != nil {
		return err
	}
	return c.JSON(d)
}

func (s *Server) tokenMetadata(c *fiber.Ctx) error {
	chainID, contract, token, err := tokenPath(c, true)
	if err != nil {
		return err
	}
	m, err := s.Passes.TokenMetadata(c.UserContext(), chainID, contract, token)
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderCacheControl, "public, max-age=60")
	return c.JSON(m)
}

func (s *Server) contractMetadata(c *fiber.Ctx) error {
	chainID, contract, _, err := tokenPath(c, false)
	if err != nil {
		return err
	}
	m, err := s.Passes.ContractMetadata(c.UserContext(), chainID, contract)
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderCacheControl, "public, max-age=60")
	return c.JSON(m)
}
