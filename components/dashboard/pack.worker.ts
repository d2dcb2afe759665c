/**
 * The export's second worker: deflates a bundle's JSONL (lib/dataset/packer-port.ts) on the
 * other core while the dataset worker reads and converts the next page. Started by the dataset worker,
 * one per export, and ended with it.
 */
import { servePacker } from '@/lib/dataset/packer-port';

servePacker(self as unknown as Parameters<typeof servePacker>[0]);
