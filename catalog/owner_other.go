//go:build !unix

package catalog

import "io/fs"

// OthersCanWrite is false: Windows keeps who may write in access lists,
// which a mode does not show, and a user's profile folder is theirs alone.
func OthersCanWrite(fs.FileInfo) bool { return false }
