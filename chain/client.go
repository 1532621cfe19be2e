// Package chain connects the service to an EVM chain: a client that signs
// and sends the pass contract's transactions, the embedded dev chain, and
// the signer's key file.
package chain

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/params"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/metapass/metapass/contracts"
	"github.com/metapass/metapass/passes"
)

// Client is a JSON-RPC connection to one chain with the service's signer.
// It implements passes.Chain.
type Client struct {
	rpc    *rpc.Client
	eth    *ethclient.Client
	key    *ecdsa.PrivateKey
	from   common.Address
	id     *big.Int
	signer types.Signer
	pass   *contracts.MetaPass
	// MaxFeePerGas caps what the signer pays per gas; nil means no cap.
	MaxFeePerGas *big.Int
}

var _ passes.Chain = (*Client)(nil)

// Dial connects to the JSON-RPC endpoint at url.
func Dial(ctx context.Context, url string, key *ecdsa.PrivateKey) (*Client, error) {
	c, err := rpc.DialContext(ctx, url)
	if err != nil {
		return nil, fmt.Errorf("dial %s: %w", url, err)
	}
	return NewClient(ctx, c, key)
}

// NewClient wraps an open JSON-RPC client; it asks the chain for its id.
func NewClient(ctx context.Context, c *rpc.Client, key *ecdsa.PrivateKey) (*Client, error) {
	ec := ethclient.NewClient(c)
	id, err := ec.ChainID(ctx)
	if err != nil {
		return nil, fmt.Errorf("chain id: %w", err)
	}
	return &Client{
		rpc: c, eth: ec, key: key, from: crypto.PubkeyToAddress(key.PublicKey), id: id,
		signer: types.LatestSignerForChainID(id), pass: contracts.NewMetaPass(),
	}, nil
}

// ID is the chain id.
func (c *Client) ID() uint64 { return c.id.Uint64() }

// Sender is the signer's checksummed address.
func (c *Client) Sender() string { return c.from.Hex() }

// Close closes the connection.
func (c *Client) Close() { c.rpc.Close() }

// PendingNonce is the signer's next nonce, counting the node's pool.
func (c *Client) PendingNonce(ctx context.Context) (uint64, error) {
	return c.eth.PendingNonceAt(ctx, c.from)
}

// Head is the latest block number.
func (c *Client) Head(ctx context.Context) (uint64, error) {
	return c.eth.BlockNumber(ctx)
}

// SignDeploy signs the deployment of l's pass contract at nonce.
func (c *Client) SignDeploy(ctx context.Context, nonce uint64, l passes.Launch, uris func(string) (string, string)) (passes.SignedTx, string, error) {
	addr := crypto.CreateAddress(c.from, nonce)
	base, contractURI := uris(addr.Hex())
	royalty := common.Address{}
	if l.RoyaltyReceiver != "" {
		royalty = common.HexToAddress(l.RoyaltyReceiver)
	}
	args := c.pass.PackConstructor(l.Name, l.Symbol, base, contractURI, big.NewInt(l.SupplyCap), l.Soulbound,
		c.from, royalty, big.NewInt(int64(l.RoyaltyBps)))
	code := append(common.FromHex(contracts.MetaPassMetaData.Bin), args...)
	stx, err := c.sign(ctx, nonce, nil, code)
	return stx, addr.Hex(), err
}

// SignMint signs one mintBatch of tokenIDs[i] to to[i] at nonce.
func (c *Client) SignMint(ctx context.Context, nonce uint64, contract string, to []string, tokenIDs []uint64) (passes.SignedTx, error) {
	addrs, ids := make([]common.Address, len(to)), make([]*big.Int, len(tokenIDs))
	for i := range to {
		addrs[i], ids[i] = common.HexToAddress(to[i]), new(big.Int).SetUint64(tokenIDs[i])
	}
	target := common.HexToAddress(contract)
	return c.sign(ctx, nonce, &target, c.pass.PackMintBatch(addrs, ids))
}

// sign prices and signs a dynamic-fee transaction. The gas limit is the
// node's estimate plus a fifth. A call that would revert yields
// passes.ErrReverted with the decoded reason; one that needs more gas than a
// transaction may use (the lower of EIP-7825's cap and 90% of the block gas
// limit) yields passes.ErrTooMuchGas.
func (c *Client) sign(ctx context.Context, nonce uint64, to *common.Address, data []byte) (passes.SignedTx, error) {
	head, err := c.eth.HeaderByNumber(ctx, nil)
	if err != nil {
		return passes.SignedTx{}, fmt.Errorf("latest header: %w", err)
	}
	gas, err := c.eth.EstimateGas(ctx, ethereum.CallMsg{From: c.from, To: to, Data: data})
	switch {
	case err != nil && strings.Contains(err.Error(), "gas required exceeds"):
		return passes.SignedTx{}, fmt.Errorf("%w: %v", passes.ErrTooMuchGas, err)
	case err != nil:
		if reason, ok := c.revertReason(err); ok {
			return passes.SignedTx{}, fmt.Errorf("%w: %s", passes.ErrReverted, reason)
		}
		return passes.SignedTx{}, fmt.Errorf("estimate gas: %w", err)
	}
	gas += gas / 5
	if limit := min(params.MaxTxGas, head.GasLimit/10*9); gas > limit {
		return passes.SignedTx{}, fmt.Errorf("%w: %d gas wanted, %d allowed", passes.ErrTooMuchGas, gas, limit)
	}
	tip, feeCap, err := c.fees(ctx, head)
	if err != nil {
		return passes.SignedTx{}, err
	}
	tx, err := types.SignNewTx(c.key, c.signer, &types.DynamicFeeTx{
		ChainID: c.id, Nonce: nonce, GasTipCap: tip, GasFeeCap: feeCap, Gas: gas, To: to, Data: data,
	})
	if err != nil {
		return passes.SignedTx{}, fmt.Errorf("sign: %w", err)
	}
	raw, err := tx.MarshalBinary()
	if err != nil {
		return passes.SignedTx{}, fmt.Errorf("encode tx: %w", err)
	}
	return passes.SignedTx{Hash: tx.Hash().Hex(), Nonce: nonce, Raw: raw}, nil
}

// fees returns the node's suggested tip and a fee cap of twice head's base
// fee plus the tip, both within MaxFeePerGas.
func (c *Client) fees(ctx context.Context, head *types.Header) (tip, feeCap *big.Int, err error) {
	if tip, err = c.eth.SuggestGasTipCap(ctx); err != nil {
		return nil, nil, fmt.Errorf("suggest tip: %w", err)
	}
	base := head.BaseFee
	if base == nil {
		base = new(big.Int)
	}
	feeCap = new(big.Int).Add(new(big.Int).Mul(base, big.NewInt(2)), tip)
	if c.MaxFeePerGas != nil && feeCap.Cmp(c.MaxFeePerGas) > 0 {
		feeCap = new(big.Int).Set(c.MaxFeePerGas)
		if tip.Cmp(feeCap) > 0 {
			tip = new(big.Int).Set(feeCap)
		}
	}
	return tip, feeCap, nil
}

func (c *Client) revertReason(err error) (string, bool) {
	data, ok := ethclient.RevertErrorData(err)
	if !ok {
		if strings.Contains(err.Error(), "execution reverted") {
			return err.Error(), true
		}
		return "", false
	}
	if len(data) < 4 {
		return "execution reverted", true
	}
	if e, uerr := c.pass.UnpackError(data); uerr == nil {
		return fmt.Sprintf("%T%+v", e, e), true
	}
	return "execution reverted: 0x" + common.Bytes2Hex(data), true
}

// Send broadcasts a signed transaction. A transaction the node already has,
// or has already mined, is not an error.
func (c *Client) Send(ctx context.Context, raw []byte) error {
	err := c.rpc.CallContext(ctx, nil, "eth_sendRawTransaction", hexutil.Bytes(raw))
	if err != nil && (strings.Contains(err.Error(), "already known") || strings.Contains(err.Error(), "nonce too low")) {
		return nil
	}
	return err
}

// Receipt returns the canonical receipt of hash, or nil if it is not mined.
func (c *Client) Receipt(ctx context.Context, hash string) (*passes.Receipt, error) {
	r, err := c.eth.TransactionReceipt(ctx, common.HexToHash(hash))
	if errors.Is(err, ethereum.NotFound) || err != nil && strings.Contains(err.Error(), "indexing is in progress") {
		return nil, nil // not mined, or the node has not indexed it yet
	}
	if err != nil {
		return nil, err
	}
	return &passes.Receipt{
		BlockNumber: r.BlockNumber.Uint64(), BlockHash: r.BlockHash.Hex(),
		Success: r.Status == types.ReceiptStatusSuccessful, GasUsed: r.GasUsed,
	}, nil
}

// OwnerOf returns the current owner of a token, or "" if it does not exist.
func (c *Client) OwnerOf(ctx context.Context, contract string, tokenID uint64) (string, error) {
	return c.ownerOf(ctx, contract, tokenID, nil)
}

// OwnerOfAt returns the owner of a token as of block, or "" if it did not
// exist then.
func (c *Client) OwnerOfAt(ctx context.Context, contract string, tokenID, block uint64) (string, error) {
	return c.ownerOf(ctx, contract, tokenID, new(big.Int).SetUint64(block))
}

func (c *Client) ownerOf(ctx context.Context, contract string, tokenID uint64, block *big.Int) (string, error) {
	to := common.HexToAddress(contract)
	out, err := c.eth.CallContract(ctx, ethereum.CallMsg{To: &to, Data: c.pass.PackOwnerOf(new(big.Int).SetUint64(tokenID))}, block)
	if err != nil {
		if _, reverted := c.revertReason(err); reverted {
			return "", nil
		}
		return "", fmt.Errorf("ownerOf(%d): %w", tokenID, err)
	}
	if len(out) == 0 { // no contract there (yet, at that block)
		return "", nil
	}
	owner, err := c.pass.UnpackOwnerOf(out)
	if err != nil {
		return "", fmt.Errorf("ownerOf(%d): %w", tokenID, err)
	}
	return owner.Hex(), nil
}
