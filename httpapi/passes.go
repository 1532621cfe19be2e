package httpapi

import (
	"math/big"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/gofiber/fiber/v2"

	"github.com/metapass/metapass/passes"
)

func (s *Server) listPasses(c *fiber.Ctx) error {
	owner := c.Query("owner")
	if owner != "" && (!strings.HasPrefix(owner, "0x") || !common.IsHexAddress(owner)) {
		return invalid("owner", "must be a 0x-prefixed 20-byte hex address")
	}
	limit, err := queryInt(c, "limit", 100, 1, 1000)
	if err != nil {
		return err
	}
	ps, err := s.Passes.ListPasses(c.UserContext(), principal(c).BrandID, passes.PassFilter{
		Recipient: owner, LaunchID: c.Query("launch_id"), Limit: limit,
	})
	if err != nil {
		return err
	}
	return c.JSON(list(ps))
}

// tokenPath parses the :chain/:contract/:token path parameters; token is
// a pass's ERC-721 token id on chain or its edition number, in decimal.
func tokenPath(c *fiber.Ctx, withToken bool) (chainID uint64, contract string, token string, err error) {
	if chainID, err = strconv.ParseUint(c.Params("chain"), 10, 64); err != nil {
		return 0, "", "", invalid("chain", "must be a decimal chain id")
	}
	if contract = c.Params("contract"); !strings.HasPrefix(contract, "0x") || !common.IsHexAddress(contract) {
		return 0, "", "", invalid("contract", "must be a 0x-prefixed 20-byte hex address")
	}
	if withToken {
		raw := c.Params("token")
		n, ok := new(big.Int).SetString(raw, 10)
		if !ok || raw[0] == '+' || raw[0] == '-' || n.BitLen() > 256 {
			return 0, "", "", invalid("token_id", "must be a decimal token id (uint256) or edition number")
		}
		token = n.String()
	}
	return chainID, checksum(contract), token, nil
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
