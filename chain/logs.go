package chain

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/metapass/metapass/contracts"
	"github.com/metapass/metapass/passes"
)

// LogReader is the part of an Ethereum client that reading Transfer events
// needs; *ethclient.Client and simulated.Client have it.
type LogReader interface {
	BlockNumber(ctx context.Context) (uint64, error)
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
	FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error)
}

// Logs reads the pass contracts' Transfer events. It implements
// passes.LogSource.
type Logs struct {
	r    LogReader
	pass *contracts.PassCollection
}

var (
	_ passes.LogSource = (*Logs)(nil)
	_ passes.LogSource = (*Client)(nil)
)

// NewLogs returns a log source reading through r.
func NewLogs(r LogReader) *Logs { return &Logs{r: r, pass: contracts.NewPassCollection()} }

// Head is the latest block number.
func (l *Logs) Head(ctx context.Context) (uint64, error) { return l.r.BlockNumber(ctx) }

// BlockHash is the hash of canonical block n, or "" when there is none.
func (l *Logs) BlockHash(ctx context.Context, n uint64) (string, error) {
	h, err := l.r.HeaderByNumber(ctx, new(big.Int).SetUint64(n))
	if errors.Is(err, ethereum.NotFound) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	return h.Hash().Hex(), nil
}

// Transfers lists the Transfer events of contracts in blocks from..to, by
// block and log index, each with its block's time. A log whose block is no
// longer canonical by the time its header is read yields
// passes.ErrReorged.
func (l *Logs) Transfers(ctx context.Context, addrs []string, from, to uint64) ([]passes.Transfer, error) {
	if len(addrs) == 0 || from > to {
		return nil, nil
	}
	q := ethereum.FilterQuery{
		FromBlock: new(big.Int).SetUint64(from), ToBlock: new(big.Int).SetUint64(to),
		Topics: [][]common.Hash{{l.pass.GetABI().Events["Transfer"].ID}},
	}
	for _, a := range addrs {
		q.Addresses = append(q.Addresses, common.HexToAddress(a))
	}
	logs, err := l.r.FilterLogs(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("filter logs: %w", err)
	}
	headers := map[uint64]*types.Header{}
	out := make([]passes.Transfer, 0, len(logs))
	for i := range logs {
		lg := &logs[i]
		if lg.Removed {
			return nil, fmt.Errorf("log %s#%d removed: %w", lg.TxHash.Hex(), lg.Index, passes.ErrReorged)
		}
		ev, err := l.pass.UnpackTransferEvent(lg)
		if err != nil {
			return nil, fmt.Errorf("transfer log %s#%d: %w", lg.TxHash.Hex(), lg.Index, err)
		}
		h, ok := headers[lg.BlockNumber]
		if !ok {
			if h, err = l.r.HeaderByNumber(ctx, new(big.Int).SetUint64(lg.BlockNumber)); err != nil {
				return nil, fmt.Errorf("header %d: %w", lg.BlockNumber, err)
			}
			headers[lg.BlockNumber] = h
		}
		if h.Hash() != lg.BlockHash {
			return nil, fmt.Errorf("block %d: %w", lg.BlockNumber, passes.ErrReorged)
		}
		out = append(out, passes.Transfer{
			Contract: lg.Address.Hex(), From: ev.From.Hex(), To: ev.To.Hex(), ChainTokenID: ev.TokenId.String(),
			BlockNumber: lg.BlockNumber, BlockHash: lg.BlockHash.Hex(), BlockTime: time.Unix(int64(h.Time), 0).UTC(),
			TxHash: lg.TxHash.Hex(), LogIndex: lg.Index,
		})
	}
	return out, nil
}

// BlockHash is the hash of canonical block n, or "" when there is none.
func (c *Client) BlockHash(ctx context.Context, n uint64) (string, error) {
	return (&Logs{r: c.eth, pass: c.pass}).BlockHash(ctx, n)
}

// Transfers lists the pass contracts' Transfer events in blocks from..to;
// see Logs.Transfers.
func (c *Client) Transfers(ctx context.Context, contracts []string, from, to uint64) ([]passes.Transfer, error) {
	return (&Logs{r: c.eth, pass: c.pass}).Transfers(ctx, contracts, from, to)
}
