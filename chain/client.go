// Package chain connects the service to an EVM chain: a client that signs
// and sends the pass contracts' transactions (PassCollection clones made by
// a PassFactory), the embedded dev chain, and
// the signer's key file.
package chain

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"strings"
	"time"

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
	rpc     *rpc.Client
	eth     *ethclient.Client
	key     *ecdsa.PrivateKey
	from    common.Address
	id      *big.Int
	signer  types.Signer
	pass    *contracts.PassCollection
	factory *contracts.PassFactory
	// MaxFeePerGas caps what the signer pays per gas; nil means no cap.
	MaxFeePerGas *big.Int
	// MaxTipPerGas caps the priority fee per gas; nil means no cap.
	MaxTipPerGas *big.Int
}

var _ passes.Chain = (*Client)(nil)

// DialRPC connects to the JSON-RPC endpoint at url. Over HTTP, every
// request gives up after timeout, so a node that accepts connections but
// never answers cannot stall a caller.
func DialRPC(ctx context.Context, url string, timeout time.Duration) (*rpc.Client, error) {
	c, err := rpc.DialOptions(ctx, url, rpc.WithHTTPClient(&http.Client{Timeout: timeout}))
	if err != nil {
		return nil, fmt.Errorf("dial %s: %w", RedactURL(url), err)
	}
	return c, nil
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
		signer: types.LatestSignerForChainID(id), pass: contracts.NewPassCollection(),
		factory: contracts.NewPassFactory(),
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

// NonceAt is the signer's nonce as of block n.
func (c *Client) NonceAt(ctx context.Context, n uint64) (uint64, error) {
	return c.eth.NonceAt(ctx, c.from, new(big.Int).SetUint64(n))
}

// Head is the latest block number.
func (c *Client) Head(ctx context.Context) (uint64, error) {
	return c.eth.BlockNumber(ctx)
}

// BlockHashes returns the canonical hash of each block of ns ("" for one the
// chain does not have), asked in one batch.
func (c *Client) BlockHashes(ctx context.Context, ns []uint64) (map[uint64]string, error) {
	heads := make([]struct {
		Hash *common.Hash `json:"hash"`
	}, len(ns))
	batch := make([]rpc.BatchElem, len(ns))
	for i, n := range ns {
		batch[i] = rpc.BatchElem{Method: "eth_getBlockByNumber", Args: []any{hexutil.EncodeUint64(n), false}, Result: &heads[i]}
	}
	if err := c.rpc.BatchCallContext(ctx, batch); err != nil {
		return nil, err
	}
	out := make(map[uint64]string, len(ns))
	for i, b := range batch {
		if b.Error != nil {
			return nil, fmt.Errorf("block %d: %w", ns[i], b.Error)
		}
		out[ns[i]] = ""
		if heads[i].Hash != nil {
			out[ns[i]] = heads[i].Hash.Hex()
		}
	}
	return out, nil
}

// SignImplementation signs the deployment of the PassCollection
// implementation at nonce; it returns the address it will have.
func (c *Client) SignImplementation(ctx context.Context, nonce uint64) (passes.SignedTx, string, error) {
	stx, err := c.sign(ctx, nonce, nil, common.FromHex(contracts.PassCollectionMetaData.Bin))
	return stx, crypto.CreateAddress(c.from, nonce).Hex(), err
}

// SignFactory signs the deployment of a PassFactory of implementation at
// nonce; it returns the address it will have.
func (c *Client) SignFactory(ctx context.Context, nonce uint64, implementation string) (passes.SignedTx, string, error) {
	code := append(common.FromHex(contracts.PassFactoryMetaData.Bin), c.factory.PackConstructor(common.HexToAddress(implementation))...)
	stx, err := c.sign(ctx, nonce, nil, code)
	return stx, crypto.CreateAddress(c.from, nonce).Hex(), err
}

// FactoryImplementation reads the implementation of the PassFactory at
// factory.
func (c *Client) FactoryImplementation(ctx context.Context, factory string) (string, error) {
	to := common.HexToAddress(factory)
	out, err := c.eth.CallContract(ctx, ethereum.CallMsg{To: &to, Data: c.factory.PackImplementation()}, nil)
	if err != nil {
		return "", fmt.Errorf("implementation(): %w", err)
	}
	if len(out) == 0 {
		return "", fmt.Errorf("no contract at %s", factory)
	}
	impl, err := c.factory.UnpackImplementation(out)
	if err != nil {
		return "", fmt.Errorf("implementation(): %w", err)
	}
	return impl.Hex(), nil
}

// SignDeploy signs, at nonce, f's createCollection of l's collection, with
// the signer as its admin and minter, and returns the address it will have
// (PassFactory's CREATE2 address for the signer, the launch's salt and its
// settings).
func (c *Client) SignDeploy(ctx context.Context, nonce uint64, f passes.Factory, l passes.Launch, uriPrefix string) (passes.SignedTx, string, error) {
	p := contracts.PassFactoryParams{
		Name: l.Name, Symbol: l.Symbol, UriPrefix: uriPrefix, MaxSupply: big.NewInt(l.SupplyCap), Soulbound: l.Soulbound,
		Admin: c.from, Minter: c.from, RoyaltyBps: uint16(l.RoyaltyBps),
	}
	if l.RoyaltyReceiver != "" {
		p.RoyaltyReceiver = common.HexToAddress(l.RoyaltyReceiver)
	}
	args, ok := contracts.CloneArgs(p)
	if !ok || l.RoyaltyBps < 0 || l.RoyaltyBps > 10000 {
		return passes.SignedTx{}, "", fmt.Errorf("%w: name, symbol or royalty out of the factory's bounds", passes.ErrReverted)
	}
	salt := LaunchSalt(l.ID)
	factory := common.HexToAddress(f.Address)
	addr := contracts.PredictCollection(factory, common.HexToAddress(f.Implementation), c.from, salt, args)
	stx, err := c.sign(ctx, nonce, &factory, c.factory.PackCreateCollection(salt, p))
	return stx, addr.Hex(), err
}

// LaunchSalt is the CREATE2 salt of a launch's collection: its id's hash,
// so signing a launch's deployment again yields the same address.
func LaunchSalt(launchID string) [32]byte {
	return crypto.Keccak256Hash([]byte("metapass/launch/" + launchID))
}

// SignMint signs, at nonce, the mint of the (decimal) token ids tokenIDs:
// mint(id) for one, mintBatch(ids) for more.
func (c *Client) SignMint(ctx context.Context, nonce uint64, contract string, tokenIDs []string) (passes.SignedTx, error) {
	ids := make([]*big.Int, len(tokenIDs))
	for i, s := range tokenIDs {
		var err error
		if ids[i], err = tokenID(s); err != nil {
			return passes.SignedTx{}, err
		}
	}
	target := common.HexToAddress(contract)
	var data []byte
	if len(ids) == 1 {
		// mint(id) skips the array's calldata and decoding: 555 gas less.
		data = c.pass.PackMint(ids[0])
	} else {
		data = c.pass.PackMintBatch(ids)
	}
	return c.signAs(ctx, c.key, nonce, &target, nil, data, mintHeadroom)
}

// tokenID parses a decimal ERC-721 token id.
func tokenID(s string) (*big.Int, error) {
	id, ok := new(big.Int).SetString(s, 10)
	if !ok || id.Sign() < 0 || id.BitLen() > 256 {
		return nil, fmt.Errorf("token id %q is not a decimal uint256", s)
	}
	return id, nil
}

// SignFund signs, at nonce, a payment of value wei to the address to.
func (c *Client) SignFund(ctx context.Context, nonce uint64, to string, value *big.Int) (passes.SignedTx, error) {
	target := common.HexToAddress(to)
	return c.signAs(ctx, c.key, nonce, &target, value, nil, headroom)
}

// TransferCost is the most a transferFrom(from, to, token) sent by from
// may cost it at today's fees, with the margin SignTransferFrom leaves.
func (c *Client) TransferCost(ctx context.Context, contract, from, to string, token string) (*big.Int, error) {
	id, err := tokenID(token)
	if err != nil {
		return nil, err
	}
	target, sender := common.HexToAddress(contract), common.HexToAddress(from)
	gas, err := c.estimate(ctx, sender, &target, nil, c.pass.PackTransferFrom(sender, common.HexToAddress(to), id))
	if err != nil {
		return nil, err
	}
	head, err := c.eth.HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("latest header: %w", err)
	}
	_, feeCap, err := c.suggest(ctx, head)
	if err != nil {
		return nil, err
	}
	return new(big.Int).Mul(new(big.Int).SetUint64(gas+headroom(gas)), capped(feeCap, c.MaxFeePerGas)), nil
}

// SignTransferFrom signs, with key at its next nonce, transferFrom(key's
// address, to, token): a pass leaving a custodial wallet, paid by that
// wallet.
func (c *Client) SignTransferFrom(ctx context.Context, key *ecdsa.PrivateKey, contract, to string, token string) (passes.SignedTx, error) {
	id, err := tokenID(token)
	if err != nil {
		return passes.SignedTx{}, err
	}
	from := crypto.PubkeyToAddress(key.PublicKey)
	nonce, err := c.eth.PendingNonceAt(ctx, from)
	if err != nil {
		return passes.SignedTx{}, fmt.Errorf("nonce of %s: %w", from, err)
	}
	target := common.HexToAddress(contract)
	return c.signAs(ctx, key, nonce, &target, nil, c.pass.PackTransferFrom(from, common.HexToAddress(to), id), headroom)
}

// SignBurn signs the admin burn of token at nonce.
func (c *Client) SignBurn(ctx context.Context, nonce uint64, contract string, token string) (passes.SignedTx, error) {
	id, err := tokenID(token)
	if err != nil {
		return passes.SignedTx{}, err
	}
	target := common.HexToAddress(contract)
	return c.sign(ctx, nonce, &target, c.pass.PackBurn(id))
}

// sign is signAs for a call of the signer's, sending no value, with the
// usual headroom.
func (c *Client) sign(ctx context.Context, nonce uint64, to *common.Address, data []byte) (passes.SignedTx, error) {
	return c.signAs(ctx, c.key, nonce, to, nil, data, headroom)
}

// headroom is the gas a transaction may use above the node's estimate: a
// fifth, for a call whose cost can rise before it is mined.
func headroom(estimate uint64) uint64 { return estimate / 5 }

// mintHeadroom is headroom for a mint, whose cost cannot rise before it is
// mined: the collection's counters are written either way, each recipient's
// account slot can only go from empty (22,100 gas) to written (5,000), and
// no recipient has another mint in flight (passes.MintStore.QueuedPasses).
// A fiftieth covers the node's estimate search; a fifth would leave a
// block's last mint of a burst waiting for the next block.
func mintHeadroom(estimate uint64) uint64 { return estimate / 50 }

// signAs prices and signs a dynamic-fee call from key's address, paying
// with it. The gas limit is the node's estimate plus room of it (headroom,
// or mintHeadroom for mints). A call that would revert yields
// passes.ErrReverted with the decoded reason; one that needs more gas than a
// transaction may use (the lower of EIP-7825's cap and 90% of the block gas
// limit) yields passes.ErrTooMuchGas; one the signer cannot pay for
// passes.ErrInsufficientFunds.
func (c *Client) signAs(ctx context.Context, key *ecdsa.PrivateKey, nonce uint64, to *common.Address, value *big.Int, data []byte, room func(uint64) uint64) (passes.SignedTx, error) {
	head, err := c.eth.HeaderByNumber(ctx, nil)
	if err != nil {
		return passes.SignedTx{}, fmt.Errorf("latest header: %w", err)
	}
	gas, err := c.estimate(ctx, crypto.PubkeyToAddress(key.PublicKey), to, value, data)
	if err != nil {
		return passes.SignedTx{}, err
	}
	gas += room(gas)
	if limit := min(params.MaxTxGas, head.GasLimit/10*9); gas > limit {
		return passes.SignedTx{}, fmt.Errorf("%w: %d gas wanted, %d allowed", passes.ErrTooMuchGas, gas, limit)
	}
	tip, feeCap, err := c.suggest(ctx, head)
	if err != nil {
		return passes.SignedTx{}, err
	}
	feeCap = capped(feeCap, c.MaxFeePerGas)
	tip = capped(capped(tip, c.MaxTipPerGas), feeCap)
	return c.signTx(key, &types.DynamicFeeTx{
		ChainID: c.id, Nonce: nonce, GasTipCap: tip, GasFeeCap: feeCap, Gas: gas, To: to, Value: value, Data: data,
	})
}

// estimate is the node's gas estimate of a call from from, with a revert, a call too large and a sender that cannot pay told apart.
func (c *Client) estimate(ctx context.Context, from common.Address, to *common.Address, value *big.Int, data []byte) (uint64, error) {
	gas, err := c.eth.EstimateGas(ctx, ethereum.CallMsg{From: from, To: to, Value: value, Data: data})
	switch {
	case err != nil && strings.Contains(err.Error(), "gas required exceeds"):
		return 0, fmt.Errorf("%w: %v", passes.ErrTooMuchGas, err)
	case err != nil && strings.Contains(strings.ToLower(err.Error()), "insufficient funds"):
		return 0, fmt.Errorf("%w: %v", passes.ErrInsufficientFunds, err)
	case err != nil:
		if data, ok := ethclient.RevertErrorData(err); ok && len(data) == 0 {
			// The pass contracts revert with an error, never with no data;
			// a clone does when the implementation it delegates to ran out
			// of gas at the most the node lets a call use.
			return 0, fmt.Errorf("%w: %v (out of gas through the proxy)", passes.ErrTooMuchGas, err)
		}
		if reason, ok := c.revertReason(err); ok {
			return 0, fmt.Errorf("%w: %s", passes.ErrReverted, reason)
		}
		return 0, fmt.Errorf("estimate gas: %w", err)
	}
	return gas, nil
}

// Replace signs raw's transaction again at its nonce, with the same call
// and gas, and both fees raised by an eighth (geth's pool takes a
// replacement paying 10% more, txpool.pricebump) or to what the node now
// suggests, whichever is higher. A replacement the operator's caps forbid
// is passes.ErrFeeCapReached.
func (c *Client) Replace(ctx context.Context, raw []byte) (passes.SignedTx, error) {
	var old types.Transaction
	if err := old.UnmarshalBinary(raw); err != nil {
		return passes.SignedTx{}, fmt.Errorf("decode transaction: %w", err)
	}
	head, err := c.eth.HeaderByNumber(ctx, nil)
	if err != nil {
		return passes.SignedTx{}, fmt.Errorf("latest header: %w", err)
	}
	tip, feeCap, err := c.suggest(ctx, head)
	if err != nil {
		return passes.SignedTx{}, err
	}
	bump := func(x *big.Int) *big.Int {
		return new(big.Int).Add(x, new(big.Int).Add(new(big.Int).Rsh(x, 3), common.Big1))
	}
	tip = highest(bump(old.GasTipCap()), capped(tip, c.MaxTipPerGas))
	feeCap = highest(bump(old.GasFeeCap()), capped(feeCap, c.MaxFeePerGas), tip)
	switch {
	case c.MaxTipPerGas != nil && tip.Cmp(c.MaxTipPerGas) > 0:
		return passes.SignedTx{}, fmt.Errorf("%w: a replacement needs a tip of %s wei per gas, the cap is %s", passes.ErrFeeCapReached, tip, c.MaxTipPerGas)
	case c.MaxFeePerGas != nil && feeCap.Cmp(c.MaxFeePerGas) > 0:
		return passes.SignedTx{}, fmt.Errorf("%w: a replacement needs a fee cap of %s wei per gas, the cap is %s", passes.ErrFeeCapReached, feeCap, c.MaxFeePerGas)
	}
	return c.signTx(c.key, &types.DynamicFeeTx{
		ChainID: c.id, Nonce: old.Nonce(), GasTipCap: tip, GasFeeCap: feeCap, Gas: old.Gas(), To: old.To(),
		Value: old.Value(), Data: old.Data(),
	})
}

func (c *Client) signTx(key *ecdsa.PrivateKey, data *types.DynamicFeeTx) (passes.SignedTx, error) {
	tx, err := types.SignNewTx(key, c.signer, data)
	if err != nil {
		return passes.SignedTx{}, fmt.Errorf("sign: %w", err)
	}
	raw, err := tx.MarshalBinary()
	if err != nil {
		return passes.SignedTx{}, fmt.Errorf("encode tx: %w", err)
	}
	return passes.SignedTx{Hash: tx.Hash().Hex(), Nonce: tx.Nonce(), Raw: raw, GasTipCap: tx.GasTipCap(), GasFeeCap: tx.GasFeeCap()}, nil
}

// suggest returns the node's suggested tip and a fee cap of twice head's
// base fee plus the tip, uncapped.
func (c *Client) suggest(ctx context.Context, head *types.Header) (tip, feeCap *big.Int, err error) {
	if tip, err = c.eth.SuggestGasTipCap(ctx); err != nil {
		return nil, nil, fmt.Errorf("suggest tip: %w", err)
	}
	base := head.BaseFee
	if base == nil {
		base = new(big.Int)
	}
	return tip, new(big.Int).Add(new(big.Int).Mul(base, big.NewInt(2)), tip), nil
}

// capped is x, or limit when x is above it; a nil limit is none.
func capped(x, limit *big.Int) *big.Int {
	if limit != nil && x.Cmp(limit) > 0 {
		return new(big.Int).Set(limit)
	}
	return x
}

// highest is the highest of xs.
func highest(xs ...*big.Int) *big.Int {
	m := xs[0]
	for _, x := range xs[1:] {
		if x.Cmp(m) > 0 {
			m = x
		}
	}
	return m
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
	if e, uerr := c.factory.UnpackError(data); uerr == nil {
		return fmt.Sprintf("%T%+v", e, e), true
	}
	return "execution reverted: 0x" + common.Bytes2Hex(data), true
}

// Send broadcasts a signed transaction. A transaction the node already has
// is not an error. The node's refusals the minter acts on are told apart:
// passes.ErrNonceTooLow, ErrInsufficientFunds, ErrUnderpriced (another
// transaction at the nonce pays as much) and ErrFeeTooLow (a fee cap below
// the base fee, or a tip below the pool's minimum). Only the node's own
// JSON-RPC errors are read so: a failure to reach it (a refused connection,
// a timeout, a 5xx, a malformed answer) is returned as it is, and the
// transaction may or may not have arrived.
func (c *Client) Send(ctx context.Context, raw []byte) error {
	err := c.rpc.CallContext(ctx, nil, "eth_sendRawTransaction", hexutil.Bytes(raw))
	var rerr rpc.Error
	if err == nil || !errors.As(err, &rerr) {
		return err
	}
	msg := strings.ToLower(rerr.Error())
	for _, r := range sendRefusals {
		if strings.Contains(msg, r.text) {
			if r.err == nil {
				return nil
			}
			return fmt.Errorf("%w: %v", r.err, err)
		}
	}
	return err
}

// sendRefusals maps what geth and anvil answer eth_sendRawTransaction to
// the errors the minter acts on (nil: the node has the transaction).
var sendRefusals = []struct {
	text string
	err  error
}{
	{"already known", nil},    // geth
	{"already imported", nil}, // anvil
	{"nonce too low", passes.ErrNonceTooLow},
	{"insufficient funds", passes.ErrInsufficientFunds},
	{"replacement transaction underpriced", passes.ErrUnderpriced},
	{"less than block base fee", passes.ErrFeeTooLow}, // anvil; geth pools such a transaction until the base fee falls
	{"transaction underpriced", passes.ErrFeeTooLow},  // below the pool's minimum tip
}

// Receipt returns the canonical receipt of hash, or nil if it is not mined.
// A node still indexing transactions cannot tell: passes.ErrIndexing.
func (c *Client) Receipt(ctx context.Context, hash string) (*passes.Receipt, error) {
	r, err := c.eth.TransactionReceipt(ctx, common.HexToHash(hash))
	var rerr rpc.Error
	switch {
	case errors.Is(err, ethereum.NotFound):
		return nil, nil
	case errors.As(err, &rerr) && strings.Contains(rerr.Error(), "indexing is in progress"):
		return nil, fmt.Errorf("%w: %v", passes.ErrIndexing, err)
	case err != nil:
		return nil, err
	}
	return &passes.Receipt{
		BlockNumber: r.BlockNumber.Uint64(), BlockHash: r.BlockHash.Hex(),
		Success: r.Status == types.ReceiptStatusSuccessful, GasUsed: r.GasUsed,
	}, nil
}

// OwnerOf returns the current owner of the token with the (decimal) id
// token, or "" if it does not exist.
func (c *Client) OwnerOf(ctx context.Context, contract string, token string) (string, error) {
	return c.ownerOf(ctx, contract, token, nil)
}

// OwnerOfAt returns the owner of a token as of block, or "" if it did not
// exist then.
func (c *Client) OwnerOfAt(ctx context.Context, contract string, token string, block uint64) (string, error) {
	return c.ownerOf(ctx, contract, token, new(big.Int).SetUint64(block))
}

func (c *Client) ownerOf(ctx context.Context, contract string, token string, block *big.Int) (string, error) {
	id, err := tokenID(token)
	if err != nil {
		return "", err
	}
	to := common.HexToAddress(contract)
	out, err := c.eth.CallContract(ctx, ethereum.CallMsg{To: &to, Data: c.pass.PackOwnerOf(id)}, block)
	if err != nil {
		if _, reverted := c.revertReason(err); reverted {
			return "", nil
		}
		return "", fmt.Errorf("ownerOf(%s): %w", token, err)
	}
	if len(out) == 0 { // no contract there (yet, at that block)
		return "", nil
	}
	owner, err := c.pass.UnpackOwnerOf(out)
	if err != nil {
		return "", fmt.Errorf("ownerOf(%s): %w", token, err)
	}
	return owner.Hex(), nil
}
