// File-system errors in words, for messages that name the path and never show a stack.

/** A file-system error in words, without Node's stack or errno noise. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const words: Record<string, string> = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOTDIR: 'a part of the path is not a directory',
    EISDIR: 'it is a directory',
    ENOSPC: 'no space left on device',
    EROFS: 'read-only file system',
    EEXIST: 'it already exists',
    ENAMETOOLONG: 'the name is too long',
    ELOOP: 'too many symbolic links',
    EMFILE: 'too many open files',
    EDQUOT: 'disk quota exceeded',
    EIO: 'input/output error',
  };
  return (code && words[code]) ?? (error instanceof Error ? error.message : String(error));
}
