/** Open connections per client address, for the per-address limit; an address with none is forgotten. */
export class AddressCounter {
  private readonly open = new Map<string, number>()

  count(address: string): number {
    return this.open.get(address) ?? 0
  }

  add(address: string): void {
    this.open.set(address, this.count(address) + 1)
  }

  remove(address: string): void {
    const left = this.count(address) - 1
    if (left > 0) this.open.set(address, left)
    else this.open.delete(address)
  }
}
