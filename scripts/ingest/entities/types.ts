// Small shared shapes of the entity extraction.
import type { z } from 'zod';
import type { EvidenceSchema } from '../../../schemas/entities.ts';

export type Evidence = z.infer<typeof EvidenceSchema>;
