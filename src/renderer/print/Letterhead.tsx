import type { OrgState } from '@shared/domain/org/state';

/** Kop surat: the office's logo, name, unit and address above a double rule. */
export function Letterhead({ org }: { org: OrgState }) {
  return (
    <header className="letterhead">
      {org.logoDataUrl && <img src={org.logoDataUrl} alt="" className="letterhead-logo" />}
      <div className="letterhead-text">
        <div className="letterhead-name">{org.name.toUpperCase()}</div>
        {org.unit && <div className="letterhead-unit">{org.unit}</div>}
        <div className="letterhead-address">{org.address}</div>
      </div>
    </header>
  );
}

/** A signature box with the role above and the name (or a blank line) below. */
export function SignatureBox({ role, name, nip }: { role: string; name?: string; nip?: string }) {
  return (
    <div className="sig-box">
      <div className="sig-role">{role}</div>
      <div className="sig-space" />
      <div className="sig-name">{name ? `( ${name} )` : '( ............................................ )'}</div>
      {nip !== undefined && <div className="sig-nip">NIP. {nip || '..............................'}</div>}
    </div>
  );
}
