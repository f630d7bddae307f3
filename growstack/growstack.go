// Package growstack lets a goroutine that is about to call deep grow its
// stack in one step, while few calls are on it.
//
// A goroutine starts with a stack of a few KB. Each time it outgrows it,
// the runtime copies it to one twice the size, reading the tables of the
// binary that describe every call then on the stack. Those tables are
// spread over megabytes, and the kernel maps the 64 KB around each read:
// growing a deep stack three times touched about 1 MiB of the binary
// that nothing else reads. Growing it once, at the top, reads the tables
// of one or two calls.
package growstack

// Grow makes the calling goroutine's stack hold at least size bytes more
// than it holds now. It costs one copy of the stack as it is.
//
//go:noinline
func Grow() {
	var room [size]byte
	keep(room[:])
}

// size is what the deepest of the program's paths, drawing a screen or
// reading the history, has been seen to need: 64 KB stacks, grown to in
// one step rather than four.
const size = 60 << 10

// keep is never inlined, so that room is kept, and its frame asked for.
//
//go:noinline
func keep([]byte) {}
