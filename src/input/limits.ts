// Limits on what one document may make the reader do. Each is far above anything a real manifest
// reaches, and low enough that a hostile or broken input is refused in bounded time and memory,
// with a finding located where the limit was hit; the other documents are still read.

/**
 * Nesting levels of one document (mappings and sequences, block or flow). The deepest real objects
 * are CRDs' openAPIV3Schema trees (each level is `properties: name:`, two levels), a few dozen deep;
 * an Ingress is at most 8 deep. The YAML parser and composer recurse per level and overflow the
 * stack somewhere past a thousand or two.
 */
export const MAX_DEPTH = 200;

/**
 * Characters of one scalar (a key or value). The API server cannot store an object whose request
 * exceeds etcd's 1.5 MiB default, and annotations total at most 256 KiB: a 2 MiB value is in no
 * object that a cluster holds. A larger one costs the parser many times its size.
 */
export const MAX_SCALAR_CHARS = 2 * 1024 * 1024;

/**
 * Aliases (`*name`) in one document. Resolving an alias walks the document up to it, so their cost
 * grows with their number times the document's size (1,000 aliases: under a second). kubectl's
 * own manifests hold none; hand-written ones a few dozen.
 */
export const MAX_ALIASES = 1000;

/**
 * Nodes one document's aliases may add once expanded (each alias stands for a copy of its anchor's
 * node). go-yaml, which kubectl reads with, refuses "excessive aliasing" from about 400,000 such
 * nodes on; past that, one small document can stand for millions of objects' worth of data.
 */
export const MAX_ALIAS_EXPANDED_NODES = 400_000;
