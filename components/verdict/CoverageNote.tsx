import type { ResolvedClaim } from '@/lib/verdict/claims';
import { beyondReferences, vendorRange } from '@/lib/verdict/coverage';
import { familyName } from '@/lib/verdict/vendor-names';

/**
 * What the references hold for the claimed vendor, and a plain warning when the claimed model is newer
 * than all of them: a newer model resembling an older one of its line is expected, not an accusation.
 */
export function CoverageNote({ claim }: { claim: ResolvedClaim }) {
  const range = vendorRange(claim.family);
  const beyond = beyondReferences(claim);
  const vendor = familyName(claim.family);
  return (
    <>
      {beyond && (
        <p class="coverage coverage--beyond" data-testid="coverage-beyond">
          {claim.raw} is newer than every {vendor} reference (the newest is {beyond.newest}). A resemblance to an
          older {vendor} model says the style is {vendor}-like; it does not mean the site serves an older model.
        </p>
      )}
      <p class="coverage" data-testid="coverage">
        {range ? `ModelPrint's references for ${vendor}: ${range}.` : `ModelPrint has no references for ${vendor}.`}
      </p>
    </>
  );
}
