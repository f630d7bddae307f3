//go:build !unix

package profile

import (
	"io"
	"os"
)

// readRecord reads a record file, refusing what is not a regular file or
// is over limit before reading it, and never reading more than limit+1
// bytes. Where the open cannot refuse a link itself, the file is looked at
// first.
func readRecord(path, kind string, limit int, _ []byte) ([]byte, error) {
	info, err := os.Lstat(path)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, notRegular(path, info.Mode())
	}
	if info.Size() > int64(limit) {
		return nil, &tooLargeError{path, kind, info.Size(), limit}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, int64(limit)+1))
	if err != nil {
		return nil, err
	}
	if len(data) > limit {
		return nil, &tooLargeError{path, kind, int64(len(data)), limit}
	}
	return data, nil
}

// readRecordIn reads the record file at path as readRecord does; opening
// it by its name in the open folder dir saves nothing here.
func readRecordIn(_ *os.File, path, kind string, limit int, buf []byte) ([]byte, error) {
	return readRecord(path, kind, limit, buf)
}
