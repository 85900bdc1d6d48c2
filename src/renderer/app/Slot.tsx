/**
 * Renders what every feature contributes to one of a host screen's slots (features.ts `Slots`),
 * in order, each piece loaded on first use; the host names the slot and passes its props, and
 * imports no feature.
 */
import { Suspense } from 'react';
import { contributions, type SlotName, type Slots } from './features';

export function Slot<K extends SlotName>({ name, props }: { name: K; props: Slots[K] }) {
  return (
    <>
      {contributions(name).map(({ id, component: Piece }) => (
        <Suspense key={id} fallback={null}>
          <Piece {...props} />
        </Suspense>
      ))}
    </>
  );
}
