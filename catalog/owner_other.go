//go:build !unix

package catalog

import "io/fs"

// OthersCanWrite is false: Windows keeps who may write in access lists,
// which a mode does not show, and a user's profile folder is theirs alone.
func OthersCanWrite(fs.FileInfo) bool { return false }

// otherOwner, yourName and userName are never asked: with OthersCanWrite
// false, no file is someone else's.
func otherOwner(fs.FileInfo) (string, bool) { return "", false }

func yourName() string { return "" }

func userName(uid string) string { return uid }
